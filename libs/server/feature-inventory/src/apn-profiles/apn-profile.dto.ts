import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim, PartialBody } from '@fleet/server/platform';

export class CreateApnProfileBody {
  @ApiProperty({ example: 'XJGA' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: 'xjga.xj', description: 'The access point name as the carrier configures it' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  // An APN is a DNS-like label list (3GPP TS 23.003 §9.1): letters, digits, hyphens and dots.
  @Matches(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, {
    message: 'apn may contain letters, digits, hyphens and dots only',
  })
  apn: string;

  @ApiPropertyOptional({ example: '公安移动警务专网', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  description?: string | null;
}

export class UpdateApnProfileBody extends PartialBody(CreateApnProfileBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
