import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFICER_STATUSES, type OfficerStatus } from '@fleet/shared/contracts';
import { IsIdentifier, NormalizeIdentifier, PartialBody } from '@fleet/server/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateOfficerBody {
  @ApiProperty({ example: '651003', description: '警号: 6 digits by default (BADGE_NO_PATTERN)' })
  @trim
  @IsIdentifier('badgeNo')
  badgeNo: string;

  @ApiProperty({ example: '张伟' })
  @trim
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty()
  @IsInt()
  unitId: number;

  @ApiPropertyOptional({
    example: '13800138000',
    nullable: true,
    description: 'Accepted with +86; stored without',
  })
  @IsOptional()
  @NormalizeIdentifier('msisdn')
  @IsIdentifier('msisdn')
  mobile?: string | null;

  @ApiPropertyOptional({ enum: OFFICER_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(OFFICER_STATUSES)
  status?: OfficerStatus;
}

export class UpdateOfficerBody extends PartialBody(CreateOfficerBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
