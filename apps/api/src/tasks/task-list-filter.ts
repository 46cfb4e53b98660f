import { taskVisibility } from '@app/domain';
import type { TaskListFilter } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { TaskQuery } from './dto/task-query.dto';

/** GET /tasks's query as the repository's filter: shared by the list and its export (GET /reports/items). */
export function taskListFilter(user: AuthUser, q: TaskQuery, rows: { offset: number; limit: number }): TaskListFilter {
  const [sort, order] = q.sort.split(':') as ['dueAt' | 'code' | 'updatedAt', 'asc' | 'desc'];
  return {
    scope: { visibility: taskVisibility(user), planId: q.planId, unitId: q.unitId, from: q.dueFrom, to: q.dueTo },
    status: q.status,
    light: q.light,
    overdue: q.overdue,
    extensionPending: q.extensionPending,
    q: q.q,
    sort,
    order,
    ...rows,
  };
}
