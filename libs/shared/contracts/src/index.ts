export * from './roles';
export * from './resources';
