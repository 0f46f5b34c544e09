import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIdentifier, NormalizeIdentifier, Trim } from '@fleet/server/platform';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

export class StartStocktakeBody {
  @ApiPropertyOptional({
    nullable: true,
    description: 'The unit counted with its sub-units; null: the whole bureau',
  })
  @IsOptional()
  @IsInt()
  unitId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

export class ScanBody {
  @ApiProperty({ example: '356938035643809', description: 'IMEI 1 or 2 of the device, scanned or typed' })
  @NormalizeIdentifier('imei')
  @IsIdentifier('imei')
  imei: string;
}

export class CloseStocktakeBody {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}
