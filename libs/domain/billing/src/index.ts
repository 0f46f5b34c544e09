export * from './overage.util';
export * from './split.util';
export * from './usage-rules.util';
export * from './statement.util';
export * from './usage-file.util';
export * from './usage-summary.util';
export * from './detail-scan.util';
