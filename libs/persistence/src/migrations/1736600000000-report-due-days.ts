import { MigrationInterface, QueryRunner } from 'typeorm';
import { BEHIND_COUNTS_SLACK } from './1736410000000-report-behind-counts';

/**
 * The summary report's open items due this month and next (issue #18), without reading them: open
 * items per plan and Shanghai deadline DAY, in the classes the light and overdue rules tell apart.
 * With the clock, a day before the clock's is overdue (except submitted in time), a day after it is
 * not, a day before the yellow date is yellow (working items), and only the clock's own day is read
 * row by row for the deadlines already past. Columns:
 *   sub_in_time  submitted by the deadline: never overdue, green;
 *   sub_other    submitted, not by the deadline: red once overdue, else green;
 *   working      assigned, acknowledged, in progress or returned: red / yellow / green by the clock;
 *   behind_able  working with progress + slack (BEHIND_COUNTS_SLACK) < 100: the rows
 *                report_behind_counts (1736410000000) holds (whatever their instant), which the summary
 *                needs per day to take the days before the yellow date out of its behind count.
 * Closed items are not held (their figures are in report_item_counts). Kept like the other counts:
 * statement-level triggers with transition tables in the writing transaction, keys that net to
 * zero write nothing, TRUNCATE empties it, backups skip it and restoring the items rebuilds it.
 */
const WORKING = `('assigned', 'acknowledged', 'in_progress', 'returned')`;
const KEY = 'due_day, plan_id';
const SUMS = ['sub_in_time', 'sub_other', 'working', 'behind_able'];
/** The signed rows of `source` (a tasks row source). */
const from = (source: string, sign: string) => `
  SELECT (t.due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_day, t.plan_id,
         CASE WHEN t.status = 'submitted' AND COALESCE(t.submitted_at <= t.due_at, false) THEN ${sign} ELSE 0 END AS sub_in_time,
         CASE WHEN t.status = 'submitted' AND NOT COALESCE(t.submitted_at <= t.due_at, false) THEN ${sign} ELSE 0 END AS sub_other,
         CASE WHEN t.status IN ${WORKING} THEN ${sign} ELSE 0 END AS working,
         CASE WHEN t.status IN ${WORKING} AND t.progress < ${100 - BEHIND_COUNTS_SLACK} THEN ${sign} ELSE 0 END AS behind_able
    FROM ${source} t
   WHERE t.status IN ('submitted', ${WORKING.slice(1, -1)}) AND isfinite(t.due_at)`;
const apply = (source: string) => `INSERT INTO report_due_days AS c (${KEY}, ${SUMS.join(', ')})
    SELECT ${KEY}, ${SUMS.map((s) => `sum(${s})`).join(', ')} FROM (${source}) d
     GROUP BY ${KEY} HAVING ${SUMS.map((s) => `sum(${s}) <> 0`).join(' OR ')}
    ON CONFLICT (${KEY}) DO UPDATE SET ${SUMS.map((s) => `${s} = c.${s} + EXCLUDED.${s}`).join(', ')};`;

export class ReportDueDays1736600000000 implements MigrationInterface {
  name = 'ReportDueDays1736600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_due_days (
        due_day date NOT NULL, plan_id uuid NOT NULL,
        ${SUMS.map((s) => `${s} integer NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION report_due_days_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(from('new_rows', '1'))}
        ELSIF TG_OP = 'UPDATE' THEN
          ${apply(`${from('old_rows', '-1')} UNION ALL ${from('new_rows', '1')}`)}
        ELSE
          ${apply(from('old_rows', '-1'))}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_due_days_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_due_days;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_due_days_${op.toLowerCase()} AFTER ${op} ON tasks REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_due_days_tasks()`);
    }
    await q.query(`CREATE TRIGGER report_due_days_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION report_due_days_truncate()`);
    await q.query(apply(from('tasks', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_due_days_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_due_days_tasks(), report_due_days_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_due_days`);
  }
}
