import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PartialBody } from '../errors/dto-decorators';
import { ROLES, type Role } from '@fleet/shared/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@fleet/domain/accounts';
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

export class CreateUserBody {
  @ApiProperty({ example: 'zhangsan' })
  @IsString()
  @Matches(/^[\w.-]{3,64}$/)
  username: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    description:
      'Initial password: at least 12 characters, not common, without the username; changed at first login',
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for the officer role' })
  @ValidateIf(
    (o: CreateUserBody) => o.role === 'officer' || (o.officerId !== undefined && o.officerId !== null),
  )
  @IsInt()
  @IsNotEmpty()
  officerId?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class UpdateUserBody extends PartialBody(CreateUserBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
