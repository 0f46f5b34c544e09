import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYERS, type PayerKind } from '@fleet/server/persistence';
import { PartialBody } from '@fleet/server/platform';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export class CreateBillingRulesBody {
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM: the first month these rules apply to' })
  @Matches(PERIOD_PATTERN)
  effectiveFrom: string;

  @ApiProperty({ example: 19 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  voiceFenPerMin: number;

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  smsFenPerMessage: number;

  @ApiProperty({ example: 300 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  nationalFenPerStartedGb: number;

  @ApiProperty({ example: 300 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  apnFenPerStartedGb: number;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS)
  voicePayer: PayerKind;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS)
  smsPayer: PayerKind;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS)
  nationalPayer: PayerKind;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS)
  apnPayer: PayerKind;
}

export class UpdateBillingRulesBody extends PartialBody(CreateBillingRulesBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
