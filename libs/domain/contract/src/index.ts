export * from './money.util';
export * from './contract-terms';
export * from './schedule.util';
export * from './exposure.util';
export * from './sla-credits.util';
export * from './invoice.util';
export * from './contract-alerts.util';
export * from './contract.fixture';
