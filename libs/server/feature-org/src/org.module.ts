import { Module } from '@nestjs/common';
import { OrgExports } from './exports';
import { OfficerStore } from './officers/officer.store';
import { OfficersController } from './officers/officers.controller';
import { OfficersService } from './officers/officers.service';
import { OrgLookupReader } from './org-lookup.reader';
import { UnitStore } from './units/unit.store';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';

/** The bureau's organisation: its unit tree and its officers. */
@Module({
  controllers: [UnitsController, OfficersController],
  providers: [OrgLookupReader, UnitStore, OfficerStore, UnitsService, OfficersService, OrgExports],
  exports: [UnitsService, OfficersService],
})
export class OrgModule {}
