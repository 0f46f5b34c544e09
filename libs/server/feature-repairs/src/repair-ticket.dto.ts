import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIABLE_PARTIES, type LiableParty, REPAIR_CAUSES, type RepairCause } from '@fleet/domain/repairs';
import {
  REPAIR_OUTCOMES,
  REPAIR_SUMMARY_GROUPS,
  type RepairApprovalRequest,
  type RepairCancelRequest,
  type RepairCloseRequest,
  type RepairDiagnoseRequest,
  type RepairIntakeRequest,
  type RepairLiabilityOverrideRequest,
  type RepairLoanerRequest,
  type RepairLoanerReturnRequest,
  type RepairOutcome,
  type RepairReturnRequest,
  type RepairSendRequest,
  type RepairSummaryGroup,
  type RepairUpdateRequest,
} from '@fleet/shared/contracts';
import { IsMoment, Trim } from '@fleet/server/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const MOMENT_DOC = { example: '2026-03-02T09:30:00+08:00', description: 'ISO 8601 with offset' };
/** A repair costs at most 100,000.00 CNY: anything above is a typing mistake. */
const MAX_FEN = 10_000_000;

export class IntakeBody implements RepairIntakeRequest {
  @ApiProperty({ description: 'The device (the intake page finds it by IMEI: intake-lookup)' })
  @IsInt()
  deviceId: number;

  @ApiPropertyOptional({ ...MOMENT_DOC, description: 'When the fault was reported; default now' })
  @IsOptional()
  @IsMoment()
  reportedAt?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Staff only; an officer reports as themselves' })
  @IsOptional()
  @IsInt()
  reportedByOfficerId?: number | null;

  @ApiProperty({ example: '屏幕碎裂，触摸失灵' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  fault: string;

  @ApiPropertyOptional({ example: ['充电器', '保护壳'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  accessories?: string[];

  @ApiPropertyOptional({ example: '屏幕左上角碎裂，机身有划痕', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  condition?: string | null;

  @ApiPropertyOptional({ ...MOMENT_DOC, nullable: true, description: 'When the damage happened, if known' })
  @IsOptional()
  @IsMoment()
  damagedAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

export class UpdateBody implements RepairUpdateRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  fault?: string;

  @ApiPropertyOptional({ example: ['充电器'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  accessories?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  condition?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Quote in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  quoteFen?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

export class DiagnoseBody implements RepairDiagnoseRequest {
  @ApiProperty({ enum: REPAIR_CAUSES })
  @IsIn(REPAIR_CAUSES)
  cause: RepairCause;

  @ApiProperty({ example: '屏幕总成损坏，需更换' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  diagnosis: string;

  @ApiPropertyOptional({ nullable: true, description: 'Quote in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  quoteFen?: number | null;

  @ApiPropertyOptional({ ...MOMENT_DOC, nullable: true, description: 'When the damage happened, if known' })
  @IsOptional()
  @IsMoment()
  damagedAt?: string | null;
}

export class LiabilityOverrideBody implements RepairLiabilityOverrideRequest {
  @ApiProperty({ enum: LIABLE_PARTIES })
  @IsIn(LIABLE_PARTIES)
  liability: LiableParty;

  @ApiPropertyOptional({ nullable: true, description: "Required when liability is 'officer'" })
  @IsOptional()
  @IsInt()
  liableOfficerId?: number | null;

  @ApiProperty({ example: '经调查系执勤中被嫌疑人打落，按公务损坏处理', minLength: 4 })
  @Trim()
  @IsString()
  @MinLength(4)
  @MaxLength(1000)
  reason: string;
}

export class SendBody implements RepairSendRequest {
  @ApiProperty({ example: '华为授权服务中心（库尔勒）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  vendor: string;

  @ApiProperty({ example: '顺丰 SF1234567890，3 月 5 日寄出' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  trackingNote: string;
}

export class RepairReturnBody implements RepairReturnRequest {
  @ApiProperty({ enum: REPAIR_OUTCOMES })
  @IsIn(REPAIR_OUTCOMES)
  outcome: RepairOutcome;

  @ApiPropertyOptional({ nullable: true, description: 'Final cost in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  finalCostFen?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "An in-stock device; required when outcome is 'replaced'",
  })
  @IsOptional()
  @IsInt()
  replacementDeviceId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class CloseBody implements RepairCloseRequest {
  @ApiPropertyOptional({ description: 'Final cost in fen; may be left out when the ticket has its cost' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  finalCostFen?: number;
}

export class CancelBody implements RepairCancelRequest {
  @ApiProperty({ example: '报修人自行恢复，无需维修' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class ApprovalBody implements RepairApprovalRequest {
  @ApiPropertyOptional({ example: '已核对维修商发票，金额属实', description: 'Required to reject' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class LoanerBody implements RepairLoanerRequest {
  @ApiProperty()
  @IsInt()
  loanerDeviceId: number;

  @ApiProperty({ description: "Move the officer's SIM(s) from the broken device into the loaner" })
  @IsBoolean()
  moveSim: boolean;
}

export class LoanerReturnBody implements RepairLoanerReturnRequest {
  @ApiProperty({ description: 'Move the SIMs back into the repaired device (or its replacement)' })
  @IsBoolean()
  moveSimBack: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class SummaryQuery {
  @ApiProperty({ enum: REPAIR_SUMMARY_GROUPS })
  @IsIn(REPAIR_SUMMARY_GROUPS)
  groupBy: RepairSummaryGroup;

  @ApiPropertyOptional({ example: '2026-01', description: 'First month reported (YYYY-MM, China time)' })
  @IsOptional()
  @Matches(MONTH, { message: '$property must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last month reported (YYYY-MM, China time)' })
  @IsOptional()
  @Matches(MONTH, { message: '$property must be a month YYYY-MM' })
  to?: string;
}

export class RepeatedQuery {
  @ApiPropertyOptional({ default: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(100)
  minTickets?: number;

  @ApiPropertyOptional({ default: 12, description: 'Look back this many months' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;
}
