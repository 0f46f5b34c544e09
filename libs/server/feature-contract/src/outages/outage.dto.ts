import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTAGE_CAUSES, OUTAGE_SCOPES, type OutageCause, type OutageScope } from '@fleet/domain/contract';
import type { OutageRequest, VoidRequest } from '@fleet/shared/contracts';
import { IsMoment, PartialBody, Trim } from '@fleet/server/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

const MOMENT = { example: '2026-03-05T10:00:00+08:00', description: 'ISO 8601 with offset' };

export class OutageBody implements OutageRequest {
  @ApiPropertyOptional({ description: 'The latest contract by default' })
  @IsOptional()
  @IsInt()
  contractId?: number;

  @ApiProperty(MOMENT)
  @IsMoment()
  startAt: string;

  @ApiProperty(MOMENT)
  @IsMoment()
  endAt: string;

  @ApiProperty({
    enum: OUTAGE_CAUSES,
    description: 'carrier, force_majeure or bureau (only carrier waives fees)',
  })
  @IsIn(OUTAGE_CAUSES)
  cause: OutageCause;

  @ApiProperty({ enum: OUTAGE_SCOPES, description: 'all SIMs, or the SIMs listed in simIds' })
  @IsIn(OUTAGE_SCOPES)
  scope: OutageScope;

  @ApiPropertyOptional({ example: [3, 4], description: 'Required and not empty when the scope is sims' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsInt({ each: true })
  simIds?: number[];

  @ApiPropertyOptional({ nullable: true, example: '基站光缆被挖断' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class OutageUpdateBody extends PartialBody(OutageBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}

export class OutageVoidBody implements VoidRequest {
  @ApiProperty({ example: '重复登记' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
