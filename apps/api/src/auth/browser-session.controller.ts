import { applyDecorators, Body, Controller, ForbiddenException, HttpCode, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Env } from '@app/config';
import { ApiError, ApiErrors } from '../common/api-docs';
import { Public } from '../common/current-user';
import { LoginDto } from './auth.dto';
import { SessionTokenResponse } from './auth.response';
import { AuthService, ConcurrentRefresh } from './auth.service';
import { AuthRateLimitGuard, clientAddress } from './auth-rate-limit';
import {
  clearSessionCookies,
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfFor,
  csrfMatches,
  readCookie,
  REFRESH_COOKIE,
  setSessionCookies,
} from './browser-session';

const CSRF_DOC = {
  name: 'X-CSRF-Token',
  required: true,
  description: `the value of the readable ${CSRF_COOKIE} cookie set at login (double submit, bound to the login)`,
};

const CSRF_REFUSED = 'missing or invalid CSRF token';

/**
 * Tabs of one browser share the session cookie and may refresh at the same moment (several tabs
 * restored at once): the later ones present a cookie the first has just spent. Within this long,
 * that is a 409 "retry" (the first answer's cookie is in the jar by then), not theft; after it, a
 * spent cookie ends the login as before. The pages retry (apps/web/src/boot/early.ts), so none of
 * them waits on a cross-tab lock before its first request.
 */
const CONCURRENT_REFRESH_GRACE_MS = 10_000;

/** A handler that reads the session cookie: rate limited (429) and checking the X-CSRF-Token header (403). */
const CsrfChecked = () =>
  applyDecorators(
    UseGuards(AuthRateLimitGuard),
    ApiHeader(CSRF_DOC),
    ApiError(403, 'The X-CSRF-Token header is missing or does not belong to this session', { statusCode: 403, message: CSRF_REFUSED, error: 'Forbidden' }),
    ApiError(429),
  );

/**
 * Sessions for the web app. Same credentials and rotation as /auth/login and /auth/refresh, but
 * the refresh token never reaches page scripts: it travels in an httpOnly, SameSite=Strict cookie
 * scoped to /auth/session. API clients keep using the JSON endpoints.
 */
@ApiTags('auth')
@Public()
@Controller('auth/session')
export class BrowserSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly env: Env,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Web app login: the access token in the body, the refresh token as an httpOnly cookie',
    description: `Sets ${REFRESH_COOKIE} (httpOnly, SameSite=Strict, path /auth/session, Secure over https) and ${CSRF_COOKIE} (readable by the page, sent back as X-CSRF-Token). Lock-out and rate limits as POST /auth/login.`,
  })
  @ApiOkResponse({ type: SessionTokenResponse })
  @ApiErrors(400)
  @ApiError(401, 'Wrong username or password', { statusCode: 401, message: 'wrong username or password', error: 'Unauthorized' })
  @ApiError(429)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionTokenResponse> {
    const tokens = await this.auth.login(dto.username, dto.password, clientAddress(req));
    const familyId = await this.auth.refreshFamily(tokens.refreshToken);
    setSessionCookies(req, res, this.env.PUBLIC_URL, tokens.refreshToken, csrfFor(this.env.JWT_SECRET, familyId!));
    return this.answer(tokens);
  }

  @Post('refresh')
  @HttpCode(200)
  @CsrfChecked()
  @ApiOperation({
    summary: 'Web app: a new access token from the session cookie (the cookie rotates; a reused one ends the login, unless another tab spent it within 10 s: 409, retry)',
    description: `Needs the ${REFRESH_COOKIE} cookie set by POST /auth/session and the X-CSRF-Token header.`,
  })
  @ApiOkResponse({ type: SessionTokenResponse })
  @ApiError(401, 'No session cookie, or it is invalid, expired or already used', {
    statusCode: 401,
    message: 'no session: log in again',
    error: 'Unauthorized',
  })
  @ApiError(409, 'Another tab of this browser spent this cookie within the last 10 s: retry (the cookies are left as they are; nothing is revoked)', {
    statusCode: 409,
    message: 'session refreshed at the same moment by another tab: retry with the current cookie',
    error: 'Conflict',
  })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionTokenResponse> {
    const token = readCookie(req, REFRESH_COOKIE);
    const familyId = token ? await this.auth.refreshFamily(token) : null;
    if (!token || !familyId) {
      clearSessionCookies(req, res, this.env.PUBLIC_URL);
      throw new UnauthorizedException('no session: log in again');
    }
    this.checkCsrf(req, familyId);
    let tokens;
    try {
      tokens = await this.auth.refresh(token, { concurrentGraceMs: CONCURRENT_REFRESH_GRACE_MS });
    } catch (e) {
      // The cookies are the whole browser's: another tab's refresh has just set the ones to retry with.
      if (!(e instanceof ConcurrentRefresh)) clearSessionCookies(req, res, this.env.PUBLIC_URL);
      throw e;
    }
    setSessionCookies(req, res, this.env.PUBLIC_URL, tokens.refreshToken, csrfFor(this.env.JWT_SECRET, familyId));
    return this.answer(tokens);
  }

  @Post('logout')
  @HttpCode(204)
  @CsrfChecked()
  @ApiOperation({
    summary: 'Web app logout: revokes the login behind the session cookie and clears the cookies',
    description: `Reads the ${REFRESH_COOKIE} cookie; with a session there, the X-CSRF-Token header is required.`,
  })
  @ApiNoContentResponse({ description: 'Logged out (also when there was no session)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = readCookie(req, REFRESH_COOKIE);
    const familyId = token ? await this.auth.refreshFamily(token) : null;
    if (familyId) {
      this.checkCsrf(req, familyId);
      await this.auth.revokeFamily(familyId);
    }
    clearSessionCookies(req, res, this.env.PUBLIC_URL);
  }

  private async answer(tokens: { accessToken: string; expiresIn: number }): Promise<SessionTokenResponse> {
    const user = await this.auth.authenticate(tokens.accessToken);
    if (!user) throw new UnauthorizedException('user is disabled');
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, user };
  }

  private checkCsrf(req: Request, familyId: string) {
    if (!csrfMatches(this.env.JWT_SECRET, familyId, req.headers[CSRF_HEADER])) throw new ForbiddenException(CSRF_REFUSED);
  }
}
