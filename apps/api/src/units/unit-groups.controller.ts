import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiRefusal, Creates, Reads, Removes, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { DeleteUnitQuery } from './units.dto';
import { CreateUnitGroupDto, UpdateUnitGroupDto } from './unit-groups.dto';
import { UnitGroupResponse } from './unit-groups.response';
import { UnitGroupsService } from './unit-groups.service';

const REFUSALS =
  '422 (in Chinese, naming the field): an empty name; a name or alias that a unit or another group already answers to; a member that is not a unit.';

/** The documented 422 of a create or change: every problem, each naming its field. */
const Refused = () =>
  ApiRefusal('The group cannot be saved: message names each problem and its field, in Chinese', 'invalid_unit_group', [
    'name: 请填写分组名称',
    'aliases: 「科技局」已是单位「武汉市科学技术局」的名称或别名',
  ]);

@SignedInApi('units', 'admin')
@Controller('unit-groups')
export class UnitGroupsController {
  constructor(private readonly groups: UnitGroupsService) {}

  @Get()
  @Roles('admin', 'supervisor', 'leader')
  @Reads('Unit groups (单位分组): names documents use for several units, e.g. 各区人民政府, with their members', [UnitGroupResponse])
  list() {
    return this.groups.list();
  }

  @Post()
  @Creates({ summary: 'Create a unit group (admin; audited unit_group.created)', description: REFUSALS }, UnitGroupResponse, [400])
  @Refused()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitGroupDto) {
    return this.groups.create(user, dto);
  }

  @Patch(':id')
  @Reads(
    { summary: 'Rename a unit group, change its aliases or members (admin; audited unit_group.updated)', description: REFUSALS },
    UnitGroupResponse,
    [400, 404, 409],
    'The group after the change',
  )
  @Refused()
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUnitGroupDto) {
    return this.groups.update(user, id, dto);
  }

  @Delete(':id')
  @Removes('Delete a unit group (?version=; admin; audited unit_group.deleted). Items already imported keep their units.', [400, 404, 409])
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: DeleteUnitQuery): Promise<void> {
    await this.groups.remove(user, id, q.version);
  }
}
