import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { CreateSavedViewDto, SavedViewQuery } from './saved-views.dto';
import { SavedViewResponse } from './saved-views.response';
import { SavedViewsService } from './saved-views.service';

@ApiTags('saved views')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('me/views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @Roles('supervisor', 'leader')
  @ApiOperation({ summary: 'My saved views of the 总台账 (named filters), by name' })
  @ApiOkResponse({ type: [SavedViewResponse] })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() q: SavedViewQuery) {
    return this.views.list(user, q.page);
  }

  @Post()
  @Roles('supervisor', 'leader')
  @ApiOperation({
    summary: 'Save the 总台账’s current filters under a name',
    description: '422 (in Chinese, naming the field) for an empty or too long name, a name I already use on the page, or more than 50 views.',
  })
  @ApiCreatedResponse({ type: SavedViewResponse })
  @ApiErrors(400, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSavedViewDto) {
    return this.views.create(user, dto);
  }

  @Delete(':id')
  @Roles('supervisor', 'leader')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of my saved views' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404)
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.views.remove(user, id);
  }
}
