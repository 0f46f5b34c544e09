export * from './app-config';
export * from './config.module';
export * from './settings';
export * from './clock';
export * from './quiet-logger';
