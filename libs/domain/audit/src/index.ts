export * from './audit-chain.util';
