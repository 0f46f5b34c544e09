export * from './file-import.kind';
export * from './file-import.module';
export * from './file-import.runner';
export * from './file-import.service';
export * from './file-import.store';
export * from './file-type';
