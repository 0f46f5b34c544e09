import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES, type LoginResponse, type UserDto } from '@fleet/shared/contracts';
import { PASSWORD_MAX_LENGTH } from '@fleet/domain/accounts';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type Actor, AllowTemporaryPassword, CurrentActor, Public, Roles } from './access.decorators';
import { AuthService } from './auth.service';
import { clearSessionCookie, refreshTokenOf, sendGrant } from './session-cookie';

export class LoginBody {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not common, without the username' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

/**
 * Sessions: a login answers a 15-minute access token and sets the refresh cookie; /refresh renews
 * both; /logout ends the session; /password is the user's own change (which also starts a new session).
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return sendGrant(
      request,
      reply,
      await this.auth.login(body.username, body.password, request.ip),
      this.cookieAge(),
    );
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return sendGrant(
      request,
      reply,
      await this.auth.refresh(refreshTokenOf(request), request.ip),
      this.cookieAge(),
    );
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @AllowTemporaryPassword()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    clearSessionCookie(request, reply);
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @AllowTemporaryPassword()
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @Body() body: ChangePasswordBody,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const grant = await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
    return sendGrant(request, reply, grant, this.cookieAge());
  }

  @ApiBearerAuth()
  @Roles(...ROLES)
  @AllowTemporaryPassword()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.auth.me(actor.userId);
  }

  private cookieAge(): number {
    return this.config.session.maxHours * 3600;
  }
}
