import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../common/api-docs';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { ChangePasswordDto, CreateApiTokenDto, LoginDto, RefreshDto, TokenPairDto } from './auth.dto';
import { ApiTokenResponse, CreatedApiTokenResponse, MeResponse } from './auth.response';
import { AuthService } from './auth.service';
import { AuthRateLimitGuard, clientAddress } from './auth-rate-limit';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in; returns a 15-minute access token and a rotating refresh token',
    description: 'Repeated wrong passwords for a username lock it for LOGIN_LOCK_MINUTES (429); more than AUTH_RATE_LIMIT (30) attempts a minute from one address are refused (429 with Retry-After).',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400)
  @ApiError(401, 'Wrong username or password', { statusCode: 401, message: 'wrong username or password', error: 'Unauthorized' })
  @ApiError(429)
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.username, dto.password, clientAddress(req));
  }

  @Public()
  @UseGuards(AuthRateLimitGuard)
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused refresh token revokes the login' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400)
  @ApiError(401, 'The refresh token is invalid, expired or already used (a reuse revokes the whole login)', {
    statusCode: 401,
    message: 'refresh token was already used; all sessions of this login are revoked',
    error: 'Unauthorized',
  })
  @ApiError(429)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(401)
  me(@CurrentUser() user: AuthUser) {
    return user;
  }

  @Post('me/tokens')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a personal read-only API token (shown once) for reporting integrations; expiresInDays makes it stop working after that many days' })
  @ApiCreatedResponse({ type: CreatedApiTokenResponse, description: 'The token with its secret, shown only now' })
  @ApiErrors(400, 401, 403)
  createToken(@CurrentUser() user: AuthUser, @Body() dto: CreateApiTokenDto) {
    return this.auth.createApiToken(user.id, dto.name, dto.expiresInDays);
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change my password; every session of mine ends (refresh tokens revoked, access tokens refused): log in again',
    description: 'The current password is checked like a login (lock-out and rate limit). Personal API tokens stay valid.',
  })
  @ApiNoContentResponse({ description: 'Changed; log in again with the new password' })
  @ApiErrors(400, 403)
  @ApiError(401, 'Not logged in, or the current password is wrong', { statusCode: 401, message: 'wrong username or password', error: 'Unauthorized' })
  @ApiError(429)
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: Request): Promise<void> {
    await this.auth.changePassword(user, dto.currentPassword, dto.newPassword, clientAddress(req));
  }

  @Get('me/tokens')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My personal API tokens that still work (not revoked, not expired), newest first, with their last use (never the secrets)' })
  @ApiOkResponse({ type: [ApiTokenResponse] })
  @ApiErrors(401)
  listTokens(@CurrentUser() user: AuthUser) {
    return this.auth.listApiTokens(user.id);
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke one of my personal API tokens' })
  @ApiNoContentResponse({ description: 'Revoked; it no longer authenticates' })
  @ApiErrors(400, 401, 403, 404)
  async revokeToken(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    if (!(await this.auth.revokeApiToken(user.id, id))) throw new NotFoundException(`no API token ${id}`);
  }
}
