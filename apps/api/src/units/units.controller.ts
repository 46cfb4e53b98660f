import { Body, Controller, Delete, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiError, ApiErrors, Creates, Lists, Reads, Removes, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { ApiIdempotencyKey, Idempotency } from '../common/idempotency';
import { CreateUnitDto, DeleteUnitQuery, UnitQuery, UpdateUnitDto } from './units.dto';
import { UnitResponse } from './units.response';
import { UnitsService } from './units.service';

@SignedInApi('units')
@ApiErrors(403)
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get()
  @Roles('admin', 'supervisor', 'leader')
  @Lists('Units with their place in the tree (parent, children) and pending flag', UnitResponse, 'A page of units')
  list(@Query() q: UnitQuery) {
    return this.units.list(q);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'leader')
  @Reads('One unit (单位) with its parent and number of children', UnitResponse, [400, 404])
  get(@UuidParam('id') id: string) {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiIdempotencyKey()
  @Creates('Add a unit to the directory (admin)', UnitResponse, [400, 409, 422])
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto, @Headers('idempotency-key') key: unknown) {
    return this.idempotency.created(user.id, key, ['unit', dto], () => this.units.create(user, dto));
  }

  @Patch(':id')
  @Roles('admin')
  @Reads('Change a unit: names, aliases, contacts, parent; pending: false confirms a pending unit (admin)', UnitResponse, [400, 404, 409], 'The unit after the change')
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @Removes('Delete a unit no user, item, report or child unit refers to (?version=)', [400, 404])
  @ApiError(409, 'The unit is in use (usage says where) or the version is stale (currentVersion)', {
    statusCode: 409,
    message: 'unit 武汉市科学技术局 is in use and cannot be deleted',
    usage: { users: 3, assignments: 12, children: 0, reports: 25 },
  })
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: DeleteUnitQuery) {
    await this.units.remove(user, id, q.version);
  }
}
