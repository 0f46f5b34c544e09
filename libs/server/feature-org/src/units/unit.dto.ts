import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PartialBody } from '@fleet/server/platform';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateUnitBody {
  @ApiProperty({ example: '城关派出所' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ nullable: true, description: 'The parent unit; null for the bureau itself' })
  @IsOptional()
  @IsInt()
  parentId?: number | null;
}

export class UpdateUnitBody extends PartialBody(CreateUnitBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
