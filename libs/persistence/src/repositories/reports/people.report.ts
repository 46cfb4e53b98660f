import { Sql, sql } from '../../db/sql';
import { scopeClauses } from '../task-scope';
import { clockCte, COUNTED_DUE, OVERDUE, RATE, PageWindow, Paged, ReportClock, ReportScope, RunSql } from './report-sql';

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
  const scope = scopeClauses(s);
  // Everything is keyed by person and only the page's users are shown, so the work starts from
  // them: their named assignments, the (item, unit) pairs they reported on, their notices. Reading
  // every assignment's last author first costs the whole table (seconds at 100k items) even when
  // the page has a handful of people. Named as PersonRow's fields and counted as integers in SQL.
  const rows = await run<PersonRow & { totalRows: number }>(sql`
      WITH ${clockCte(c)},
      -- The page's people: the order and the total do not depend on the figures, so only they are counted.
      persons AS MATERIALIZED (
        SELECT usr.id, usr.username, usr.display_name, usr.unit_id, un.name AS unit_name, count(*) OVER ()::int AS total_rows
          FROM users usr JOIN units un ON un.id = usr.unit_id
         WHERE ${sql.join(userWhere, ' AND ')}
         ORDER BY un.name, usr.display_name, usr.id
         LIMIT ${o.limit} OFFSET ${o.offset}
      ),
      -- Each unit part of an item is the work of its 承办人: the one the unit named (分办), else
      -- the last person who reported progress for the unit.
      owners AS (
        SELECT a.assignee_id AS person_id, a.task_id
          FROM assignments a WHERE a.assignee_id IN (SELECT id FROM persons)
        UNION
        SELECT mine.author_id, a.task_id
          FROM (SELECT DISTINCT pr.author_id, pr.task_id, pr.unit_id FROM progress_reports pr
                 WHERE pr.author_id IN (SELECT id FROM persons)) mine
          JOIN assignments a ON a.task_id = mine.task_id AND a.unit_id = mine.unit_id AND a.assignee_id IS NULL
          CROSS JOIN LATERAL (SELECT pr.author_id FROM progress_reports pr
                               WHERE pr.task_id = a.task_id AND pr.unit_id = a.unit_id AND pr.author_id IS NOT NULL
                               ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) last
         WHERE last.author_id = mine.author_id
      ),
      written AS (
        SELECT pr.author_id, count(*)::int AS reports, max(pr.created_at) AS last_at
          FROM progress_reports pr JOIN tasks t ON t.id = pr.task_id CROSS JOIN lp
         ${sql.where([sql`pr.author_id IN (SELECT id FROM persons)`, ...scope])}
         GROUP BY pr.author_id
      ),
      owned AS (
        SELECT o.person_id,
               count(*)::int AS items,
               count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
               count(*) FILTER (WHERE t.status = 'completed' AND t.completed_at <= ${COUNTED_DUE})::int AS on_time,
               count(*) FILTER (WHERE t.status <> 'cancelled' AND COALESCE(t.completed_at, lp.now) > ${COUNTED_DUE})::int AS late,
               count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
          FROM owners o JOIN tasks t ON t.id = o.task_id CROSS JOIN lp
         ${sql.where(scope)}
         GROUP BY o.person_id
      ),
      notices AS (
        SELECT n.user_id,
               count(DISTINCT COALESCE(n.reminder_id, n.id)) FILTER (WHERE n.notice_level = 'yellow')::int AS yellow,
               count(DISTINCT COALESCE(n.reminder_id, n.id)) FILTER (WHERE n.notice_level = 'red')::int AS red
          FROM notifications n JOIN tasks t ON t.id = n.task_id CROSS JOIN lp
         ${sql.where([sql`n.user_id IN (SELECT id FROM persons)`, ...scope])}
         GROUP BY n.user_id
      )
      SELECT p.id AS "userId", p.username, p.display_name AS "displayName", p.unit_id AS "unitId", p.unit_name AS "unitName",
             COALESCE(per.items, 0) AS items, COALESCE(w.reports, 0) AS reports, COALESCE(per.completed, 0) AS completed,
             COALESCE(per.on_time, 0) AS "onTime", COALESCE(per.late, 0) AS late, COALESCE(per.overdue, 0) AS overdue,
             ${RATE('per.on_time', 'per.on_time + per.late')}::float8 AS "onTimeRate", w.last_at AS "lastProgressAt",
             COALESCE(nt.yellow, 0) AS "yellowNotices", COALESCE(nt.red, 0) AS "redNotices", p.total_rows AS "totalRows"
        FROM persons p
        LEFT JOIN owned per ON per.person_id = p.id LEFT JOIN written w ON w.author_id = p.id
        LEFT JOIN notices nt ON nt.user_id = p.id
       ORDER BY p.unit_name, p.display_name, p.id`);
  return { total: rows[0]?.totalRows ?? 0, rows: rows.map(({ totalRows: _, ...row }) => row) };
}
