import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim, PartialBody } from '@fleet/server/platform';

export class CreatePlanBody {
  @ApiProperty({ example: '警务通合约套餐' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: 27250, description: 'Monthly fee per SIM, tax included, integer fen' })
  @IsInt()
  @Min(0)
  monthlyFeeFen: number;

  @ApiProperty({ example: 1500, description: 'Outgoing voice minutes per month' })
  @IsInt()
  @Min(0)
  voiceMin: number;

  @ApiProperty({ example: 20971520, description: 'National data per month, KB' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  nationalKb: number;

  @ApiProperty({ example: 52428800, description: 'APN data per month, KB' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  apnKb: number;

  @ApiProperty({ example: 100, description: 'Sent SMS per month' })
  @IsInt()
  @Min(0)
  sms: number;

  @ApiProperty({ example: 36 })
  @IsInt()
  @Min(1)
  @Max(120)
  termMonths: number;
}

export class UpdatePlanBody extends PartialBody(CreatePlanBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
