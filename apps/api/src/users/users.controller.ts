import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { idempotencyKey, TransactionRunner } from '../common/transaction-runner';
import { CreateUserDto, UpdateUserDto, UserQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tx: TransactionRunner,
  ) {}

  @Get()
  list(@Query() q: UserQuery) {
    return this.users.list(q);
  }

  @Get(':id')
  get(@UuidParam('id') id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Create a user; the password is stored as an argon2id hash and never returned' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto, @Headers('idempotency-key') key: unknown, @Res({ passthrough: true }) res: Response) {
    const out = await this.tx.idempotent({ userId: user.id, key: idempotencyKey(key), fingerprint: ['user', dto] }, 201, (m) => this.users.create(m, user, dto));
    res.status(out.status);
    return out.body;
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUserDto) {
    return this.tx.run((m) => this.users.update(m, user, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a user (kept as the author of reports and audit events)' })
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    await this.tx.run((m) => this.users.deactivate(m, user, id));
  }
}
