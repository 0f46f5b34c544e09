import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  ApiList,
  CurrentActor,
  ListParams,
  type ListQuery,
  type ListResult,
  PrintDocuments,
  PrintRoute,
  type PrintTarget,
  PrintTo,
  Roles,
} from '@fleet/server/platform';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { STATEMENT_LIST, type StatementDto, StatementsService } from './statements.service';
import { Clock } from '@fleet/server/config';

export class DisputeBody {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

/** Overage statements: admins and auditors read all, an officer reads and answers only their own. */
@ApiTags('statements')
@ApiBearerAuth()
@Controller('statements')
export class StatementsController {
  constructor(
    private readonly statements: StatementsService,
    private readonly clock: Clock,
    private readonly printer: PrintDocuments,
  ) {}

  @Get()
  @Roles('admin', 'auditor', 'officer')
  @ApiList(STATEMENT_LIST)
  list(
    @ListParams(STATEMENT_LIST) query: ListQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ListResult<StatementDto>> {
    return this.statements.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'auditor', 'officer')
  get(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor) {
    return this.statements.get(actor, id);
  }

  @PrintRoute(':id/print', 'admin', 'auditor', 'officer')
  print(@Param('id', ParseIntPipe) id: number, @PrintTo() to: PrintTarget): Promise<string | Buffer> {
    return this.printer.send(to, this.statements.print(to.actor, id));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('officer')
  acknowledge(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<StatementDto> {
    return this.statements.acknowledge(actor, id, this.clock.now());
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Roles('officer')
  dispute(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DisputeBody,
    @CurrentActor() actor: Actor,
  ): Promise<StatementDto> {
    return this.statements.dispute(actor, id, body.reason, this.clock.now());
  }
}
