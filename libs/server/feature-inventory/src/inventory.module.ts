import { Module } from '@nestjs/common';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { ApnProfilesController } from './apn-profiles/apn-profiles.controller';
import { ApnProfileStore } from './apn-profiles/apn-profile.store';
import { ApnProfilesService } from './apn-profiles/apn-profiles.service';
import { AssignmentsController, SimInstallationsController } from './custody/custody.controller';
import { CustodyHistoryService } from './custody/custody-history.service';
import { AssignmentsService, SimInstallationsService } from './custody/custody-lists.service';
import { CustodyReader } from './custody/custody.reader';
import { CustodyStore } from './custody/custody.store';
import { AcceptAssignmentUseCase } from './custody/use-cases/accept-assignment.use-case';
import { AssignDeviceUseCase } from './custody/use-cases/assign-device.use-case';
import { MoveSimUseCase } from './custody/use-cases/move-sim.use-case';
import { InstallSimUseCase } from './custody/use-cases/install-sim.use-case';
import { RemoveSimUseCase } from './custody/use-cases/remove-sim.use-case';
import { ReturnDeviceUseCase } from './custody/use-cases/return-device.use-case';
import { VoidCustodyUseCase } from './custody/use-cases/void-custody.use-case';
import { DevicesController } from './devices/devices.controller';
import { DeviceLabelsService } from './devices/device-labels.service';
import { DeviceStatusWriter } from './devices/device-status.writer';
import { DeviceStore } from './devices/device.store';
import { DevicesService } from './devices/devices.service';
import { InventoryExports } from './exports';
import { InventoryLookupReader } from './inventory-lookup.reader';
import { FleetSummaryController } from './fleet-summary/fleet-summary.controller';
import { FleetSummaryReader } from './fleet-summary/fleet-summary.reader';
import { FleetSummaryService } from './fleet-summary/fleet-summary.service';
import { LeaseEndModule } from './lease-end/lease-end.module';
import { LostModule } from './lost/lost.module';
import { PlansController } from './plans/plans.controller';
import { PlanStore } from './plans/plan.store';
import { PlansService } from './plans/plans.service';
import './shared/field-names';
import { SimCardsController } from './sim-cards/sim-cards.controller';
import { SimCardStore } from './sim-cards/sim-card.store';
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
    OrgLookupReader,
    InventoryLookupReader,
    DeviceStore,
    SimCardStore,
    ApnProfileStore,
    PlanStore,
    CustodyReader,
    FleetSummaryReader,
    DeviceLabelsService,
    ApnProfilesService,
    PlansService,
    DevicesService,
    DeviceStatusWriter,
    SimCardsService,
    CustodyStore,
    AssignDeviceUseCase,
    ReturnDeviceUseCase,
    InstallSimUseCase,
    RemoveSimUseCase,
    MoveSimUseCase,
    AcceptAssignmentUseCase,
    VoidCustodyUseCase,
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
    DeviceStatusWriter,
    SimCardsService,
    AssignDeviceUseCase,
    ReturnDeviceUseCase,
    InstallSimUseCase,
    RemoveSimUseCase,
    MoveSimUseCase,
    CustodyHistoryService,
  ],
})
export class InventoryModule {}
