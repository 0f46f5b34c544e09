import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES, type LoginResponse, type UserDto } from '@fleet/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type Actor, CurrentActor, Public, Roles } from './access.decorators';
import { AuthService } from './auth.service';

export class LoginBody {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginBody, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password, request.ip ?? null);
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.auth.me(actor.userId);
  }
}
