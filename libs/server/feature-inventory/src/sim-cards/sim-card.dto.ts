import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SIM_STATUS_VALUES, type SimStatusValue } from '@fleet/shared/contracts';
import { IsCalendarDate, IsIdentifier, NormalizeIdentifier, PartialBody } from '@fleet/server/platform';
import { IsIn, IsInt, IsOptional, ValidateIf } from 'class-validator';

export class CreateSimCardBody {
  @ApiProperty({ example: '89860000000000000001', description: '19 or 20 digits, 89…, Luhn check digit' })
  @NormalizeIdentifier('iccid')
  @IsIdentifier('iccid')
  iccid: string;

  @ApiProperty({ example: '14780000000', description: 'Accepted with +86; stored without' })
  @NormalizeIdentifier('msisdn')
  @IsIdentifier('msisdn')
  msisdn: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  apnProfileId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  planId?: number | null;

  @ApiPropertyOptional({
    example: '2025-11-25',
    nullable: true,
    description: 'planEndsOn is derived from it',
  })
  @IsOptional()
  @IsCalendarDate()
  activatedOn?: string | null;

  @ApiPropertyOptional({ example: '2025-11-22', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  realNameRegisteredOn?: string | null;

  @ApiPropertyOptional({ enum: SIM_STATUS_VALUES, default: 'inactive' })
  @IsOptional()
  @IsIn(SIM_STATUS_VALUES)
  status?: SimStatusValue;
}

/**
 * An edit. The device and slot follow install/remove and the plan end is derived; they may be sent
 * back unchanged, as react-admin does, but never changed here.
 */
export class UpdateSimCardBody extends PartialBody(CreateSimCardBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;

  @ApiPropertyOptional({ nullable: true, description: 'Read-only: follows install/remove' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  deviceId?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Read-only: follows install/remove' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  slot?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Read-only: derived from activatedOn' })
  @IsOptional()
  @IsCalendarDate()
  planEndsOn?: string | null;
}
