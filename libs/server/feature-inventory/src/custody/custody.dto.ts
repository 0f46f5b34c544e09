import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SIM_SLOTS, type SimSlot } from '@fleet/domain/inventory';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsMoment, Trim } from '@fleet/server/platform';

const AT_DOC = {
  example: '2025-12-01T09:30:00+08:00',
  description: 'When it happened; defaults to now; may be in the past but not in the future',
};

export class AssignBody {
  @ApiProperty()
  @IsInt()
  officerId: number;

  @ApiPropertyOptional(AT_DOC)
  @IsOptional()
  @IsMoment()
  at?: string;

  @ApiPropertyOptional({ example: '外观完好，功能正常' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  condition?: string;

  @ApiPropertyOptional({ example: ['充电器', '数据线', '保护壳'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  accessories?: string[];

  @ApiPropertyOptional({ description: 'Let this officer hold more than one device (admin decision)' })
  @IsOptional()
  @IsBoolean()
  allowMultiple?: boolean;
}

export class ReturnBody {
  @ApiPropertyOptional(AT_DOC)
  @IsOptional()
  @IsMoment()
  at?: string;

  @ApiPropertyOptional({ example: '屏幕有划痕' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  condition?: string;
}

export class InstallBody {
  @ApiProperty()
  @IsInt()
  deviceId: number;

  @ApiProperty({ enum: SIM_SLOTS })
  @IsIn(SIM_SLOTS)
  slot: SimSlot;

  @ApiPropertyOptional(AT_DOC)
  @IsOptional()
  @IsMoment()
  at?: string;
}

export class RemoveBody {
  @ApiPropertyOptional(AT_DOC)
  @IsOptional()
  @IsMoment()
  at?: string;
}

export class VoidBody {
  @ApiProperty({ example: '误操作：领用人登记错误' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class AtQuery {
  @ApiPropertyOptional({ example: '2025-12-01T09:30:00+08:00', description: 'Defaults to now' })
  @IsOptional()
  @IsMoment()
  at?: string;
}
