export * from './repairs.module';
export * from './repair-notes';
