export * from './billing';
export * from './inventory';
export * from './resources';
export * from './roles';
