import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InstallmentDto, PaymentDto } from '@fleet/shared/contracts';
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
import { INSTALLMENT_LIST, InstallmentsService } from './installments.service';
import { PaymentBody, ReversalBody } from './payment.dto';
import { Clock } from '@fleet/server/config';

/** The contract's installments (付款期) and their payments. */
@ApiTags('installments')
@ApiBearerAuth()
@Controller('installments')
export class InstallmentsController {
  constructor(
    private readonly installments: InstallmentsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...LEDGER_READERS)
  @ApiList(INSTALLMENT_LIST)
  list(@ListParams(INSTALLMENT_LIST) query: ListQuery): Promise<ListResult<InstallmentDto>> {
    return this.installments.list(query, this.clock.now());
  }

  @Get(':id')
  @Roles(...LEDGER_READERS)
  get(@Param('id', ParseIntPipe) id: number): Promise<InstallmentDto> {
    return this.installments.get(id, this.clock.now());
  }

  @Get(':id/payments')
  @Roles(...LEDGER_READERS)
  payments(@Param('id', ParseIntPipe) id: number): Promise<PaymentDto[]> {
    return this.installments.payments(id);
  }

  @Post(':id/payments')
  @Roles(...LEDGER_WRITERS)
  pay(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: PaymentBody,
    @CurrentActor() actor: Actor,
  ): Promise<PaymentDto> {
    return this.installments.pay(id, body, actor, this.clock.now());
  }

  @Post(':id/payments/:paymentId/reverse')
  @HttpCode(200)
  @Roles(...LEDGER_WRITERS)
  reverse(
    @Param('id', ParseIntPipe) id: number,
    @Param('paymentId', ParseIntPipe) paymentId: number,
    @Body() body: ReversalBody,
    @CurrentActor() actor: Actor,
  ): Promise<PaymentDto> {
    return this.installments.reverse(id, paymentId, body, actor, this.clock.now());
  }
}
