import { Module } from '@nestjs/common';
import { OfficerReader } from './officers/officer.reader';
import { UnitReader } from './units/unit.reader';

/** What other features may read of the organisation: units and officers, through their readers. */
@Module({
  providers: [UnitReader, OfficerReader],
  exports: [UnitReader, OfficerReader],
})
export class OrgReadersModule {}
