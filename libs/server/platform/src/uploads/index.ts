export * from './import-controller';
export * from './receive-upload';
export * from './rejected-rows-csv';
export * from './retry-file-run';
export * from './xlsx-bounds';
export * from './file-run-export';
