import { Injectable, NotFoundException } from '@nestjs/common';
import { SavedViewEntity, SavedViewRepository, UnitOfWork } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { refusal } from '../common/http-errors';
import { CreateSavedViewDto, SavedViewPage } from './saved-views.dto';
import { SavedViewResponse } from './saved-views.response';

const MAX_NAME = 40;
/** A person keeps a handful of views; the cap stops a script from filling the table. */
const MAX_VIEWS = 50;

const toDto = (v: SavedViewEntity): SavedViewResponse => ({ id: v.id, page: v.page, name: v.name, query: v.query, createdAt: v.createdAt.toISOString() });

/** 我的视图: named filters of the 总台账, each also a link (the filters live in the page's address). */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async list(user: AuthUser, page: SavedViewPage): Promise<SavedViewResponse[]> {
    return (await this.views.listOf(user.id, page)).map(toDto);
  }

  create(user: AuthUser, dto: CreateSavedViewDto): Promise<SavedViewResponse> {
    const name = dto.name.trim();
    if (!name) throw refusal('invalid_name', ['name: 请填写视图名称'], { field: 'name' });
    if ([...name].length > MAX_NAME) throw refusal('invalid_name', [`name: 视图名称不能超过 ${MAX_NAME} 个字`], { field: 'name' });
    const query = dto.query.trim().replace(/^\?/, '');
    return this.uow.run(async () => {
      if (await this.views.findByName(user.id, dto.page, name)) throw refusal('name_taken', [`name: 已有名为「${name}」的视图，请换一个名称`], { field: 'name' });
      if ((await this.views.countOf(user.id, dto.page)) >= MAX_VIEWS) throw refusal('too_many_views', [`最多保存 ${MAX_VIEWS} 个视图，请先删除不用的视图`]);
      return toDto(await this.views.insert({ userId: user.id, page: dto.page, name, query }));
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    if (!(await this.views.deleteOwn(user.id, id))) throw new NotFoundException(`no saved view ${id}`);
  }
}
