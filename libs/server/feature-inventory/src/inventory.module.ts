import { Module } from '@nestjs/common';
import { ApnProfilesController } from './apn-profiles/apn-profiles.controller';
import { ApnProfilesService } from './apn-profiles/apn-profiles.service';
import { AssignmentsController, SimInstallationsController } from './custody/custody.controller';
import { CustodyHistoryService } from './custody/custody-history.service';
import { AssignmentsService, SimInstallationsService } from './custody/custody-lists.service';
import { CustodyService } from './custody/custody.service';
import { DevicesController } from './devices/devices.controller';
import { DevicesService } from './devices/devices.service';
import { InventoryExports } from './exports';
import { FleetSummaryController } from './fleet-summary/fleet-summary.controller';
import { FleetSummaryService } from './fleet-summary/fleet-summary.service';
import { LeaseEndModule } from './lease-end/lease-end.module';
import { LostModule } from './lost/lost.module';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import './shared/field-names';
import { SimCardsController } from './sim-cards/sim-cards.controller';
import { SimCardsService } from './sim-cards/sim-cards.service';
import { StocktakesModule } from './stocktakes/stocktakes.module';

/** Devices, SIM cards, APN profiles and plans, custody, and the flows built on them. */
@Module({
  imports: [LostModule, LeaseEndModule, StocktakesModule],
  controllers: [
    ApnProfilesController,
    PlansController,
    DevicesController,
    SimCardsController,
    AssignmentsController,
    SimInstallationsController,
    FleetSummaryController,
  ],
  providers: [
    ApnProfilesService,
    PlansService,
    DevicesService,
    SimCardsService,
    CustodyService,
    CustodyHistoryService,
    AssignmentsService,
    SimInstallationsService,
    InventoryExports,
    FleetSummaryService,
  ],
  exports: [
    ApnProfilesService,
    PlansService,
    DevicesService,
    SimCardsService,
    CustodyService,
    CustodyHistoryService,
  ],
})
export class InventoryModule {}
