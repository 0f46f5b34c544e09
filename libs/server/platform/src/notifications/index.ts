export * from './notifier';
export * from './outbound';
export * from './notification-delivery';
export * from './notifications.controller';
