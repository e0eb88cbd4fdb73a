import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Public } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { Problem } from '../../common/problem/problem';
import { AuthRateLimitGuard, tooManyRequests } from '../../common/rate-limit.guard';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthService, LockedOut } from './auth.service';
import { LoginRequest, LoginResponse, MeResponse } from './dto/auth.dto';
import { ChangePasswordRequest } from './dto/user.dto';
import { unauthenticated } from '../../common/auth/access.guard';
import { IssuedSession } from './sessions.service';
import { UsersService } from './users.service';

export const REFRESH_COOKIE = 'motcua_refresh';
const COOKIE_PATH = '/api/auth';

type CookieReply = FastifyReply & {
  setCookie(name: string, value: string, options: Record<string, unknown>): FastifyReply;
  clearCookie(name: string, options: Record<string, unknown>): FastifyReply;
};
type CookieRequest = FastifyRequest & { cookies: Record<string, string | undefined> };

@ApiTags('auth')
@Controller('auth')
@UseGuards(AuthRateLimitGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'Also sets the refresh token as an httpOnly, SameSite=Strict cookie' })
  @ApiTooManyRequestsResponse({ type: Problem, description: 'Too many failed attempts for this username (Retry-After)' })
  async login(
    @Actor() actor: ActorContext,
    @Body() body: LoginRequest,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<LoginResponse> {
    try {
      const { session, user } = await this.auth.login(actor, body);
      this.setRefreshCookie(reply, session);
      return { accessToken: session.accessToken, expiresIn: session.expiresIn, user };
    } catch (error) {
      if (error instanceof LockedOut) {
        throw tooManyRequests(reply, error.retryAfterSeconds, 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.');
      }
      throw error;
    }
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'Exchanges the refresh cookie for a new access token (and a new cookie)' })
  async refresh(@Req() request: CookieRequest, @Res({ passthrough: true }) reply: CookieReply): Promise<LoginResponse> {
    const token = request.cookies[REFRESH_COOKIE];
    const refreshed = token ? await this.auth.refresh(token) : undefined;
    if (!refreshed) {
      reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      throw unauthenticated('The session has ended. Sign in again.');
    }
    this.setRefreshCookie(reply, refreshed.session);
    return { accessToken: refreshed.session.accessToken, expiresIn: refreshed.session.expiresIn, user: refreshed.user };
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Ends the session of the refresh cookie' })
  async logout(@Actor() actor: ActorContext, @Req() request: CookieRequest, @Res({ passthrough: true }) reply: CookieReply): Promise<void> {
    await this.auth.logout(actor, request.cookies[REFRESH_COOKIE]);
    reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeResponse })
  getMe(@Actor() actor: ActorContext): Promise<MeResponse> {
    return this.auth.me(actor);
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; every session of the user ends (sign in again)' })
  async changePassword(@Actor() actor: ActorContext, @Body() body: ChangePasswordRequest): Promise<void> {
    if (actor.principal?.kind !== 'user') throw unauthenticated('Only staff users have a password.');
    await this.users.changeOwnPassword(actor, body);
  }

  private setRefreshCookie(reply: CookieReply, session: IssuedSession): void {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
  }
}
