import { Module } from '@nestjs/common';

/** Bulk imports of rosters and delivery lists, exports of lists, and the dashboard's alerts. */
@Module({})
export class ImportsModule {}
