import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LeaseEndCheckRequest, LeaseEndTransferRequest } from '@fleet/shared/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate, IsMoment, Trim } from '@fleet/server/platform';

export class LeaseEndDevicesQuery {
  @ApiPropertyOptional({ example: '2028-11-25', description: 'YYYY-MM-DD; default today (China time)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class LeaseEndCheckBody implements LeaseEndCheckRequest {
  @ApiPropertyOptional({ nullable: true, description: '外观、功能' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  condition?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'ISO 8601 with offset' })
  @IsOptional()
  @IsMoment()
  workspaceWipedAt?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'ISO 8601 with offset' })
  @IsOptional()
  @IsMoment()
  registeredAsAssetAt?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '固定资产编号' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  assetNo?: string | null;

  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;

  @ApiPropertyOptional({ description: 'Ignored: the device is the one in the path' })
  @IsOptional()
  @IsInt()
  deviceId?: number;
}

export class LeaseEndTransferBody implements LeaseEndTransferRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  deviceIds: number[];

  @ApiProperty({ example: '2028-11-25', description: 'The day ownership passes; not after today' })
  @IsCalendarDate()
  on: string;
}
