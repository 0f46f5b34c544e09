import { Module } from '@nestjs/common';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { registerFieldNames } from '@fleet/server/platform';
import { DeviceStore } from '../devices/device.store';
import { InventoryLookupReader } from '../inventory-lookup.reader';
import { StocktakeExports } from './stocktakes.exports';
import { StocktakesController } from './stocktakes.controller';
import { StocktakesService } from './stocktakes.service';
import { StocktakeStore } from './stocktake.store';

registerFieldNames({
  imei: { zh: 'IMEI', en: 'IMEI' },
});

/** Counts (清点) of the devices a unit should have. */
@Module({
  controllers: [StocktakesController],
  providers: [
    StocktakesService,
    StocktakeStore,
    DeviceStore,
    InventoryLookupReader,
    OrgLookupReader,
    StocktakeExports,
  ],
})
export class StocktakesModule {}
