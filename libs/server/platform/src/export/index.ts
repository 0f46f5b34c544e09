export * from './export.module';
export * from './export.registry';
export * from './export.service';
export * from './spreadsheet-files';
export * from './export-cells';
export * from './entity-names';
