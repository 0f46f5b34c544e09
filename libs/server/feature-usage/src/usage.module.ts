import { Module } from '@nestjs/common';

/** Carrier usage files: upload, ingestion jobs, monthly totals. */
@Module({})
export class UsageModule {}
