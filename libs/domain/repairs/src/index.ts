export * from './repair-terms';
