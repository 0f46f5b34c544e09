import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReportLostRequest } from '@fleet/shared/contracts';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMoment, Trim } from '@fleet/server/platform';

export class ReportLostBody implements ReportLostRequest {
  @ApiProperty({ enum: ['lost', 'stolen'] })
  @IsIn(['lost', 'stolen'])
  kind: 'lost' | 'stolen';

  @ApiPropertyOptional({ description: 'ISO 8601 with offset; default now' })
  @IsOptional()
  @IsMoment()
  reportedAt?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Admin only; an officer reports as themselves' })
  @IsOptional()
  @IsInt()
  reportedByOfficerId?: number | null;

  @ApiPropertyOptional({ nullable: true, description: '警情/案件编号' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  policeCaseNo?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  circumstances?: string | null;
}

/** When a step was done (default now). */
export class AtBody {
  @ApiPropertyOptional({ description: 'ISO 8601 with offset; default now' })
  @IsOptional()
  @IsMoment()
  at?: string;
}
