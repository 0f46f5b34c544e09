import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEVICE_OWNERSHIP_VALUES,
  DEVICE_STATUS_VALUES,
  type DeviceOwnershipValue,
  type DeviceStatusValue,
} from '@fleet/shared/contracts';
import {
  IsCalendarDate,
  IsIdentifier,
  NormalizeIdentifier,
  PartialBody,
  PRINT_FORMATS,
  type PrintFormat,
  Trim,
} from '@fleet/server/platform';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class CreateDeviceBody {
  @ApiProperty({ example: 'HUAWEI Mate60 12GB+256GB' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  model: string;

  @ApiProperty({ example: '867912060622493', description: '15 digits with a Luhn check digit' })
  @NormalizeIdentifier('imei')
  @IsIdentifier('imei')
  imei1: string;

  @ApiPropertyOptional({ example: '867912060622501', nullable: true })
  @IsOptional()
  @NormalizeIdentifier('imei')
  @IsIdentifier('imei')
  imei2?: string | null;

  @ApiPropertyOptional({ example: 'HWK8DGVKBQURTEQJ', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serialNumber?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  dualSystem?: boolean;

  @ApiProperty({ example: '2025-11-20', description: 'Date received; the warranty runs from it' })
  @IsCalendarDate()
  receivedOn: string;

  @ApiPropertyOptional({ example: '2025-11-20', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  leaseStartOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Derived from leaseStartOn (+36 months) when not given',
  })
  @IsOptional()
  @IsCalendarDate()
  leaseEndOn?: string | null;

  @ApiPropertyOptional({ enum: DEVICE_OWNERSHIP_VALUES, default: 'leased' })
  @IsOptional()
  @IsIn(DEVICE_OWNERSHIP_VALUES)
  ownership?: DeviceOwnershipValue;

  @ApiPropertyOptional({ nullable: true, description: 'The unit that keeps it while nobody holds it' })
  @IsOptional()
  @IsInt()
  unitId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  notes?: string | null;
}

/**
 * An edit. The fields that follow custody events (status, holder) or are derived (warranty end) may be
 * sent back unchanged, as react-admin does, but never changed here.
 */
export class UpdateDeviceBody extends PartialBody(CreateDeviceBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;

  @ApiPropertyOptional({ enum: DEVICE_STATUS_VALUES, description: 'Read-only: follows custody events' })
  @IsOptional()
  @IsIn(DEVICE_STATUS_VALUES)
  status?: DeviceStatusValue;

  @ApiPropertyOptional({ nullable: true, description: 'Read-only: follows custody events' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  currentOfficerId?: number | null;

  @ApiPropertyOptional({ description: 'Read-only: derived from receivedOn' })
  @IsOptional()
  @IsCalendarDate()
  warrantyEndOn?: string;
}

/** `?ids=1,2,3` (at most 240 devices) and the print format of the label sheet. */
export class LabelsQuery {
  @ApiProperty({
    description:
      'Ids of the devices, comma-separated (a repeated id prints once), at most 240: ten A4 sheets of 24 labels',
    example: '12,13,14',
  })
  @Matches(/^[1-9]\d{0,8}(,[1-9]\d{0,8}){0,239}$/)
  ids: string;

  @IsOptional()
  @IsIn(PRINT_FORMATS)
  format?: PrintFormat;
}
