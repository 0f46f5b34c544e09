import { Module } from '@nestjs/common';
import { LeaseEndModule } from './lease-end/lease-end.module';
import { LostModule } from './lost/lost.module';
import { StocktakesModule } from './stocktakes/stocktakes.module';

/** Devices, SIM cards, APN profiles and plans, custody, and the flows built on them. */
@Module({
  imports: [LostModule, LeaseEndModule, StocktakesModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class InventoryModule {}
