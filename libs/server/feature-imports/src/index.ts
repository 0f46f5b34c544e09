export * from './alerts/alert.store';
export * from './alerts/alerts-runner';
export * from './import-jobs.module';
export * from './imports/import-runner';
export * from './imports/imports.service';
export * from './imports.module';
