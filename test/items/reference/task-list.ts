// GET /tasks's list SQL as it was before the page was chosen by ids and the light filter read
// candidate ranges (issue #18, tasks18): the reference test/items/task-list.int-spec.ts compares with.
import { Sql, sql } from '@app/persistence';
import { RunSql } from '../../../libs/persistence/src/repositories/reports/report-sql';
import { derivedColumnsSql, LightParams, overdueCountSql, TaskListFilter, TaskListRow } from '../../../libs/persistence/src/repositories/task.repository';
import { scopeClauses } from '../../../libs/persistence/src/repositories/task-scope';
import { TASK_HEAD } from '../../../libs/persistence/src/repositories/task-row';

const SORT_COLUMN = { dueAt: 't.due_at', code: 't.code', updatedAt: 't.updated_at' } as const;

export async function listBefore(run: RunSql, f: TaskListFilter, lp: LightParams): Promise<{ rows: TaskListRow[]; total: number }> {
  if (f.scope.visibility.kind === 'none') return { rows: [], total: 0 };
  const lpJoin = sql`CROSS JOIN (SELECT ${lp.now}::timestamptz AS now, ${lp.yellowBefore}::date AS yellow_before, ${lp.progressSlack}::int AS slack) lp`;
  const d = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack' });
  const where: Sql[] = scopeClauses(f.scope);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  if (f.q) {
    const like = sql.param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(sql`(t.title ILIKE ${like} OR t.content ILIKE ${like} OR t.code ILIKE ${like})`);
  }
  if (f.overdue !== undefined) where.push(f.overdue ? sql.raw(d.overdue) : sql`NOT ${sql.raw(d.overdue)}`);
  if (f.light) where.push(sql`${sql.raw(d.light)} = ${f.light}`);
  if (f.extensionPending !== undefined) {
    const pending = sql`EXISTS (SELECT 1 FROM extension_requests e WHERE e.task_id = t.id AND e.status = 'pending')`;
    where.push(f.extensionPending ? pending : sql`NOT ${pending}`);
  }
  const overdueOnly = f.overdue === true && !f.status && !f.q && !f.light && f.extensionPending === undefined;
  const [{ total }] = overdueOnly
    ? (await run<{ n: number }>(overdueCountSql(f.scope, lp.now))).map((r) => ({ total: r.n }))
    : await run<{ total: number }>(sql`SELECT count(*)::int AS total FROM tasks t ${lpJoin} ${sql.where(where)}`);
  const dir = sql.raw(f.order === 'desc' ? 'DESC' : 'ASC');
  const rows = await run<TaskListRow>(
    sql`SELECT ${TASK_HEAD}, t.original_due_at AS "originalDueAt", t.updated_at AS "updatedAt", t.version,
            ${sql.raw(d.light)} AS light, ${sql.raw(d.overdue)} AS overdue
       FROM tasks t JOIN plans pl ON pl.id = t.plan_id ${lpJoin}
       ${sql.where(where)}
      ORDER BY ${sql.raw(SORT_COLUMN[f.sort])} ${dir}, t.id ${dir}
      LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  return { total, rows };
}
