export * from './inventory.module';
export * from './devices/devices.service';
export * from './sim-cards/sim-cards.service';
export * from './custody/custody.service';
export * from './custody/custody-history.service';
export * from './custody/custody-lists.service';
export * from './apn-profiles/apn-profiles.service';
export * from './plans/plans.service';
