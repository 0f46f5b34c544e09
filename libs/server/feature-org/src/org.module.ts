import { Module } from '@nestjs/common';
import { OrgExports } from './exports';
import { OfficerStore } from './officers/officer.store';
import { OfficersController } from './officers/officers.controller';
import { OfficersService } from './officers/officers.service';
import { OrgReadersModule } from './org-readers.module';
import { UnitStore } from './units/unit.store';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';

/** The bureau's organisation: its unit tree and its officers. */
@Module({
  imports: [OrgReadersModule],
  controllers: [UnitsController, OfficersController],
  providers: [UnitStore, OfficerStore, UnitsService, OfficersService, OrgExports],
  exports: [UnitsService, OfficersService, OrgReadersModule],
})
export class OrgModule {}
