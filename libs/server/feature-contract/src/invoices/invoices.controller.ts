import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InvoiceDto } from '@fleet/shared/contracts';
import {
  type Actor,
  ApiList,
  CurrentActor,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import { LEDGER_READERS, LEDGER_WRITERS } from '../shared/roles';
import { InvoiceBody, InvoiceUpdateBody } from './invoice.dto';
import { INVOICE_LIST, InvoicesService } from './invoices.service';

/** The carrier's invoices: finance reads them, admins record and correct them. */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @Roles(...LEDGER_READERS)
  @ApiList(INVOICE_LIST)
  list(@ListParams(INVOICE_LIST) query: ListQuery): Promise<ListResult<InvoiceDto>> {
    return this.invoices.list(query);
  }

  @Get(':id')
  @Roles(...LEDGER_READERS)
  get(@Param('id', ParseIntPipe) id: number): Promise<InvoiceDto> {
    return this.invoices.get(id);
  }

  @Post()
  @Roles(...LEDGER_WRITERS)
  create(@Body() body: InvoiceBody, @CurrentActor() actor: Actor): Promise<InvoiceDto> {
    return this.invoices.create(body, actor);
  }

  @Put(':id')
  @Roles(...LEDGER_WRITERS)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: InvoiceUpdateBody,
    @CurrentActor() actor: Actor,
  ): Promise<InvoiceDto> {
    return this.invoices.update(id, body, actor);
  }
}
