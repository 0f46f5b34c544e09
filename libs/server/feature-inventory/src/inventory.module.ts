import { Module } from '@nestjs/common';
import { ApnProfilesController } from './apn-profiles/apn-profiles.controller';
import { ApnProfilesService } from './apn-profiles/apn-profiles.service';
import { AssignmentsController, SimInstallationsController } from './custody/custody.controller';
import { CustodyHistoryService } from './custody/custody-history.service';
import { AssignmentsService, SimInstallationsService } from './custody/custody-lists.service';
import { CustodyService } from './custody/custody.service';
import { DevicesController } from './devices/devices.controller';
import { DeviceLabelsService } from './devices/device-labels.service';
import { DevicesService } from './devices/devices.service';
import { InventoryExports } from './exports';
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
  ],
  providers: [
    DeviceLabelsService,
    ApnProfilesService,
    PlansService,
    DevicesService,
    SimCardsService,
    CustodyService,
    CustodyHistoryService,
    AssignmentsService,
    SimInstallationsService,
    InventoryExports,
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
