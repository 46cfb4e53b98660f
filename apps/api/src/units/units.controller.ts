import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { idempotencyKey, TransactionRunner } from '../common/transaction-runner';
import { CreateUnitDto, DeleteUnitQuery, UnitQuery, UpdateUnitDto } from './units.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly tx: TransactionRunner,
  ) {}

  @Get()
  @Roles('admin', 'supervisor', 'leader')
  @ApiOperation({ summary: 'Units with their place in the tree (parent, children) and pending flag' })
  list(@Query() q: UnitQuery) {
    return this.units.list(q);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'leader')
  get(@UuidParam('id') id: string) {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto, @Headers('idempotency-key') key: unknown, @Res({ passthrough: true }) res: Response) {
    const out = await this.tx.idempotent({ userId: user.id, key: idempotencyKey(key), fingerprint: ['unit', dto] }, 201, (m) => this.units.create(m, user, dto));
    res.status(out.status);
    return out.body;
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUnitDto) {
    return this.tx.run((m) => this.units.update(m, user, id, dto));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a unit no user, item, report or child unit refers to (?version=)' })
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: DeleteUnitQuery) {
    await this.tx.run((m) => this.units.remove(m, user, id, q.version));
  }
}
