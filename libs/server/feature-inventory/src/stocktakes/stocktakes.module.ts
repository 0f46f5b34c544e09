import { Module } from '@nestjs/common';
import { registerFieldNames } from '@fleet/server/platform';
import { StocktakeExports } from './stocktakes.exports';
import { StocktakesController } from './stocktakes.controller';
import { StocktakesService } from './stocktakes.service';

registerFieldNames({
  imei: { zh: 'IMEI', en: 'IMEI' },
});

/** Counts (清点) of the devices a unit should have. */
@Module({
  controllers: [StocktakesController],
  providers: [StocktakesService, StocktakeExports],
})
export class StocktakesModule {}
