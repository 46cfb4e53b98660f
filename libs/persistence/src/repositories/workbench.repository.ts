import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { Sql, sql } from '../db/sql';
import { derivedColumnsSql, LightParams } from './task.repository';
import { TASK_HEAD, TaskHead } from './task-row';

/**
 * The tabs of a unit member's 工作台; an item may be in several (an overdue item is also in hand).
 * `mine` (分给我) holds the open items whose unit part names the caller as 承办人.
 */
export const WORKBENCH_TABS = ['to_acknowledge', 'in_progress', 'returned', 'due_soon', 'overdue', 'mine', 'all'] as const;
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number];

export interface WorkbenchRow extends TaskHead {
  submittedAt: Date | null;
  version: number;
  light: string;
  overdue: boolean;
  role: string;
  partStatus: string;
  partProgress: number;
  reporterId: string | null;
  reporterName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  extensionPending: boolean;
}

const d = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack' });
/** Lead and responsible units owe the deadline; assisting units help (they see the item under "all"). */
const OWES = `a.role IN ('lead', 'responsible')`;
const OPEN = `t.status NOT IN ('completed', 'cancelled', 'suspended')`;

// Trusted text: the tab conditions are fixed SQL over a (the unit's assignment), t and lp.
const TAB_WHERE: Record<Exclude<WorkbenchTab, 'mine'>, Sql> = {
  to_acknowledge: sql.raw(`${OWES} AND a.status = 'assigned' AND ${OPEN}`),
  in_progress: sql.raw(`${OWES} AND a.status IN ('acknowledged', 'in_progress') AND t.status NOT IN ('submitted', 'returned', 'completed', 'cancelled', 'suspended')`),
  returned: sql.raw(`${OWES} AND t.status = 'returned'`),
  due_soon: sql.raw(`${OWES} AND a.status <> 'submitted' AND ${d.light} = 'yellow'`),
  overdue: sql.raw(`${OWES} AND a.status <> 'submitted' AND ${d.overdue}`),
  all: sql.raw('TRUE'),
};

/** A tab's condition; `mine` is about the caller, the others about the unit. */
const tabWhere = (tab: WorkbenchTab, userId: string): Sql =>
  tab === 'mine' ? sql`${sql.raw(OWES)} AND a.assignee_id = ${userId} AND ${sql.raw(OPEN)}` : TAB_WHERE[tab];

/** A unit member's items by workbench tab: the unit's part of each item next to the item's own state. */
@Injectable()
export class WorkbenchRepository extends RepositoryBase {
  /** The row-independent inputs of the light rule, bound once (as GET /tasks does). */
  private static lp = (lp: LightParams) =>
    sql`CROSS JOIN (SELECT ${lp.now}::timestamptz AS now, ${lp.yellowBefore}::date AS yellow_before, ${lp.progressSlack}::int AS slack) lp`;

  async counts(unitId: string, userId: string, lp: LightParams): Promise<Record<WorkbenchTab, number>> {
    const filters = sql.join(
      WORKBENCH_TABS.map((tab) => sql`count(*) FILTER (WHERE ${tabWhere(tab, userId)})::int AS ${sql.raw(tab)}`),
      ',\n',
    );
    const [row] = await this.db.query<Record<WorkbenchTab, number>>(
      sql`SELECT ${filters} FROM assignments a JOIN tasks t ON t.id = a.task_id ${WorkbenchRepository.lp(lp)} WHERE a.unit_id = ${unitId}`,
    );
    return row;
  }

  async list(
    unitId: string,
    userId: string,
    tab: WorkbenchTab,
    offset: number,
    limit: number,
    lp: LightParams,
  ): Promise<{ rows: WorkbenchRow[]; total: number }> {
    const unit = sql.param(unitId);
    const from = sql`FROM assignments a JOIN tasks t ON t.id = a.task_id ${WorkbenchRepository.lp(lp)} WHERE a.unit_id = ${unit} AND ${tabWhere(tab, userId)}`;
    const [{ total }] = await this.db.query<{ total: number }>(sql`SELECT count(*)::int AS total ${from}`);
    const rows = await this.db.query<WorkbenchRow>(
      sql`SELECT ${TASK_HEAD}, t.submitted_at AS "submittedAt", t.version,
              ${sql.raw(d.light)} AS light, ${sql.raw(d.overdue)} AS overdue,
              a.role, a.status AS "partStatus", a.progress AS "partProgress",
              rep.author_id AS "reporterId", COALESCE(NULLIF(ru.display_name, ''), ru.username) AS "reporterName",
              a.assignee_id AS "assigneeId", COALESCE(NULLIF(au.display_name, ''), au.username) AS "assigneeName",
              EXISTS (SELECT 1 FROM extension_requests e WHERE e.task_id = t.id AND e.status = 'pending') AS "extensionPending"
         FROM (SELECT t.id AS task_id, a.id AS assignment_id ${from} ORDER BY t.due_at, t.id LIMIT ${limit} OFFSET ${offset}) page
         JOIN assignments a ON a.id = page.assignment_id
         JOIN tasks t ON t.id = page.task_id
         JOIN plans pl ON pl.id = t.plan_id
         ${WorkbenchRepository.lp(lp)}
         LEFT JOIN LATERAL (SELECT pr.author_id FROM progress_reports pr WHERE pr.task_id = t.id AND pr.unit_id = a.unit_id
                             ORDER BY pr.created_at DESC LIMIT 1) rep ON TRUE
         LEFT JOIN users ru ON ru.id = rep.author_id
         LEFT JOIN users au ON au.id = a.assignee_id
        ORDER BY t.due_at, t.id`,
    );
    return { total, rows };
  }
}
