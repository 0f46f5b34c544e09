export * from './luhn.util';
export * from './identifiers.util';
export * from './identifier-messages';
