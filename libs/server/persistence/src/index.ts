export * from './data-source';
export * from './entities';
export * from './installation';
export * from './file-run-lease';
export * from './application-role';
