export * from './repair-terms';
export * from './liability.util';
export * from './repair-status.util';
export * from './repair-dates.util';
export * from './repair-approval.util';
