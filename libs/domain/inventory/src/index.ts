export * from './alerts.util';
export * from './calendar.util';
export * from './contract-dates.util';
export * from './custody.util';
export * from './device-status.util';
