export * from './billing';
export * from './inventory';
export * from './repairs';
export * from './resources';
export * from './roles';
export * from './contract';
export * from './labels';
export * from './formats';
