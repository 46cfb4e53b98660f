import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiRefusal, Creates, Reads, Removes, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { UuidParam } from '../common/params';
import { CreateSavedViewDto, SavedViewQuery } from './saved-views.dto';
import { SavedViewResponse } from './saved-views.response';
import { SavedViewsService } from './saved-views.service';

@SignedInApi('saved views', 'supervisor', 'leader')
@Controller('me/views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @Reads('My saved views of the 总台账 (named filters), by name', [SavedViewResponse], [400])
  list(@CurrentUser() user: AuthUser, @Query() q: SavedViewQuery) {
    return this.views.list(user, q.page);
  }

  @Post()
  @Creates(
    {
      summary: 'Save the 总台账’s current filters under a name',
      description: '422 (in Chinese, naming the field) for an empty or too long name, a name I already use on the page, or more than 50 views.',
    },
    SavedViewResponse,
    [400],
  )
  @ApiRefusal('The name is empty, too long or already mine (code invalid_name / name_taken), or I keep 50 views (too_many_views)', 'name_taken', ['name: 已有名为「本周超期」的视图，请换一个名称'], { field: 'name' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSavedViewDto) {
    return this.views.create(user, dto);
  }

  @Delete(':id')
  @Removes('Delete one of my saved views', [400, 404])
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.views.remove(user, id);
  }
}
