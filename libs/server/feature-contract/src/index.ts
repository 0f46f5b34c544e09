export * from './contract.module';
export { SlaCreditsService } from './sla-credits/sla-credits.service';
export * from './contract-deadlines.reader';
