export * from './repairs.module';
export * from './repair-notes';
export * from './repair-charges.reader';
