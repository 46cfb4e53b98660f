// The people report's SQL as it was before it started from the listed users (issue #18), kept only as
// the reference report-counts.int-spec.ts compares the new path with. Not used by the apps.
import { Sql, sql } from '../../../libs/persistence/src/db/sql';
import { scopeClauses } from '../../../libs/persistence/src/repositories/task-scope';
import {
  clockCte,
  COUNTED_DUE,
  OVERDUE,
  RATE,
  PageWindow,
  Paged,
  ReportClock,
  ReportScope,
  RunSql,
} from '../../../libs/persistence/src/repositories/reports/report-sql';

export interface PersonRow {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  items: number;
  reports: number;
  completed: number;
  onTime: number;
  late: number;
  overdue: number;
  onTimeRate: number | null;
  yellowNotices: number;
  redNotices: number;
  lastProgressAt: Date | null;
}

/**
 * Per person of a unit: the items they are 承办人 of (named by the unit, else the last to report
 * progress for it), with the same 考核 lateness, their progress reports, and the notices sent to them.
 */
export async function peopleReport(
  run: RunSql,
  s: ReportScope,
  c: ReportClock,
  o: { unitId?: string } & PageWindow,
): Promise<Paged<PersonRow>> {
  const userWhere: Sql[] = [sql`usr.unit_id IS NOT NULL`, sql`usr.active`];
  if (s.visibility.kind === 'unit') userWhere.push(sql`usr.unit_id = ${s.visibility.unitId}`);
  if (o.unitId) userWhere.push(sql`usr.unit_id = ${o.unitId}`);
  // Named as PersonRow's fields and counted as integers in SQL, so a row is the answer as it comes.
  const rows = await run<PersonRow & { totalRows: number }>(sql`
      WITH ${clockCte(c)},
      scoped AS (
        SELECT t.id, t.status, t.completed_at, ${COUNTED_DUE} AS counted_due, ${OVERDUE} AS overdue
          FROM tasks t CROSS JOIN lp ${sql.where(scopeClauses(s))}
      ),
      -- Each unit part of an item is the work of its 承办人: the one the unit named (分办), else
      -- the last person who reported progress for the unit.
      owners AS (
        SELECT DISTINCT COALESCE(a.assignee_id, last.author_id) AS person_id, a.task_id
          FROM assignments a JOIN scoped x ON x.id = a.task_id
          LEFT JOIN LATERAL (SELECT pr.author_id FROM progress_reports pr
                              WHERE pr.task_id = a.task_id AND pr.unit_id = a.unit_id AND pr.author_id IS NOT NULL
                              ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) last ON TRUE
         WHERE COALESCE(a.assignee_id, last.author_id) IS NOT NULL
      ),
      written AS (
        SELECT pr.author_id, count(*)::int AS reports, max(pr.created_at) AS last_at
          FROM progress_reports pr JOIN scoped x ON x.id = pr.task_id
         WHERE pr.author_id IS NOT NULL
         GROUP BY pr.author_id
      ),
      owned AS (
        SELECT o.person_id,
               count(*)::int AS items,
               count(*) FILTER (WHERE x.status = 'completed')::int AS completed,
               count(*) FILTER (WHERE x.status = 'completed' AND x.completed_at <= x.counted_due)::int AS on_time,
               count(*) FILTER (WHERE x.status <> 'cancelled' AND COALESCE(x.completed_at, lp.now) > x.counted_due)::int AS late,
               count(*) FILTER (WHERE x.overdue)::int AS overdue
          FROM owners o JOIN scoped x ON x.id = o.task_id CROSS JOIN lp
         GROUP BY o.person_id
      ),
      notices AS (
        SELECT n.user_id,
               count(DISTINCT COALESCE(n.reminder_id, n.id)) FILTER (WHERE n.notice_level = 'yellow')::int AS yellow,
               count(DISTINCT COALESCE(n.reminder_id, n.id)) FILTER (WHERE n.notice_level = 'red')::int AS red
          FROM notifications n JOIN scoped x ON x.id = n.task_id
         WHERE n.user_id IS NOT NULL
         GROUP BY n.user_id
      )
      SELECT usr.id AS "userId", usr.username, usr.display_name AS "displayName", usr.unit_id AS "unitId", un.name AS "unitName",
             COALESCE(per.items, 0) AS items, COALESCE(w.reports, 0) AS reports, COALESCE(per.completed, 0) AS completed,
             COALESCE(per.on_time, 0) AS "onTime", COALESCE(per.late, 0) AS late, COALESCE(per.overdue, 0) AS overdue,
             ${RATE('per.on_time', 'per.on_time + per.late')}::float8 AS "onTimeRate", w.last_at AS "lastProgressAt",
             COALESCE(nt.yellow, 0) AS "yellowNotices", COALESCE(nt.red, 0) AS "redNotices", count(*) OVER ()::int AS "totalRows"
        FROM users usr JOIN units un ON un.id = usr.unit_id
        LEFT JOIN owned per ON per.person_id = usr.id LEFT JOIN written w ON w.author_id = usr.id
        LEFT JOIN notices nt ON nt.user_id = usr.id
       WHERE ${sql.join(userWhere, ' AND ')}
       ORDER BY un.name, usr.display_name, usr.id
       LIMIT ${o.limit} OFFSET ${o.offset}`);
  return { total: rows[0]?.totalRows ?? 0, rows: rows.map(({ totalRows: _, ...row }) => row) };
}
