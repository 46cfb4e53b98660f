import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { DeleteUnitQuery } from './units.dto';
import { CreateUnitGroupDto, UpdateUnitGroupDto } from './unit-groups.dto';
import { UnitGroupResponse } from './unit-groups.response';
import { UnitGroupsService } from './unit-groups.service';

const REFUSALS =
  '422 (in Chinese, naming the field): an empty name; a name or alias that a unit or another group already answers to; a member that is not a unit.';

@ApiTags('units')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('unit-groups')
export class UnitGroupsController {
  constructor(private readonly groups: UnitGroupsService) {}

  @Get()
  @Roles('admin', 'supervisor', 'leader')
  @ApiOperation({ summary: 'Unit groups (单位分组): names documents use for several units, e.g. 各区人民政府, with their members' })
  @ApiOkResponse({ type: [UnitGroupResponse] })
  list() {
    return this.groups.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a unit group (admin; audited unit_group.created)', description: REFUSALS })
  @ApiCreatedResponse({ type: UnitGroupResponse })
  @ApiErrors(400, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitGroupDto) {
    return this.groups.create(user, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a unit group, change its aliases or members (admin; audited unit_group.updated)', description: REFUSALS })
  @ApiOkResponse({ type: UnitGroupResponse, description: 'The group after the change' })
  @ApiErrors(400, 404, 409, 422)
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUnitGroupDto) {
    return this.groups.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a unit group (?version=; admin; audited unit_group.deleted). Items already imported keep their units.' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404, 409)
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: DeleteUnitQuery): Promise<void> {
    await this.groups.remove(user, id, q.version);
  }
}
