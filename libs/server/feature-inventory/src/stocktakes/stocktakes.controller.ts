import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StocktakeDto, StocktakeScanDto } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, ReadController, Roles } from '@fleet/server/platform';
import type { FastifyReply } from 'fastify';
import { STAFF } from '../shared/roles';
import { CloseStocktakeBody, ScanBody, StartStocktakeBody } from './stocktake.dto';
import { STOCKTAKE_LIST, StocktakesService } from './stocktakes.service';

@ApiTags('stocktakes')
@ApiBearerAuth()
@Controller('stocktakes')
export class StocktakesController extends ReadController<StocktakeDto>({
  spec: STOCKTAKE_LIST,
  readRoles: STAFF,
}) {
  constructor(private readonly stocktakes: StocktakesService) {
    super(stocktakes);
  }

  @Get(':id/scans')
  @Roles(...STAFF)
  scans(@Param('id', ParseIntPipe) id: number): Promise<StocktakeScanDto[]> {
    return this.stocktakes.scans(id);
  }

  @Post()
  @Roles('admin')
  start(@Body() body: StartStocktakeBody, @CurrentActor() actor: Actor): Promise<StocktakeDto> {
    return this.stocktakes.start(body, actor);
  }

  /** 201 for a new scan, 200 with the recorded scan when the IMEI was already scanned. */
  @Post(':id/scans')
  @Roles('admin', 'repair_intake')
  async scan(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ScanBody,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StocktakeScanDto> {
    const { created, scan } = await this.stocktakes.scan(id, body, actor);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return scan;
  }

  @Post(':id/close')
  @Roles('admin')
  @HttpCode(200)
  close(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CloseStocktakeBody,
    @CurrentActor() actor: Actor,
  ): Promise<StocktakeDto> {
    return this.stocktakes.close(id, body, actor);
  }
}
