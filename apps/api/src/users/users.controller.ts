import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, Creates, Lists, Reads, Removes, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { UuidParam } from '../common/params';
import { ApiIdempotencyKey, Idempotency } from '../common/idempotency';
import { CreateUserDto, UpdateUserDto, UserQuery } from './users.dto';
import { RevokedSessionsResponse, UserResponse } from './users.response';
import { UsersService } from './users.service';

@SignedInApi('users', 'admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get()
  @Lists('Users (admin), filtered by name, unit, role, active', UserResponse, 'A page of users')
  list(@Query() q: UserQuery) {
    return this.users.list(q);
  }

  @Get(':id')
  @Reads('One user (admin); never the password hash', UserResponse, [400, 404])
  get(@UuidParam('id') id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiIdempotencyKey()
  @Creates('Create a user; the password is stored as an argon2id hash and never returned', UserResponse, [400, 409, 422])
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto, @Headers('idempotency-key') key: unknown) {
    return this.idempotency.created(user.id, key, ['user', dto], () => this.users.create(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user: name, email, password, unit, roles, active (admin); a new password ends the user\'s logins' })
  @ApiOkResponse({ type: UserResponse, description: 'The user after the change' })
  @ApiErrors(400, 404, 409)
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(user, id, dto);
  }

  @Post(':id/sessions/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End every session of a user (admin): access tokens are refused at once, refresh tokens and personal API tokens revoked',
    description: 'For a lost phone or a leaked password. The user logs in again; the CLI does the same: npm run cli -- revoke-sessions <username>.',
  })
  @ApiOkResponse({ type: RevokedSessionsResponse })
  @ApiErrors(400, 404)
  revokeSessions(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.users.revokeSessions(user, id);
  }

  @Delete(':id')
  @Removes('Deactivate a user (kept as the author of reports and audit events)', [400, 404, 409], 'Deactivated')
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    await this.users.deactivate(user, id);
  }
}
