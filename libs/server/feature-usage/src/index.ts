export * from './usage-file-reader';
export * from './usage-import.events';
export * from './usage-imports.service';
export * from './usage-runner';
export * from './usage.module';
export * from './counted-usage.reader';
export * from './monthly-usage.reader';
export * from './usage-imports.reader';
