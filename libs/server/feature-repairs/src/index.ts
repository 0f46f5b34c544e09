export * from './repairs.module';
