import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per plan and Shanghai date, the items completed that day (on time or not) and the items whose
 * deadline fell that day and that are missed by it (not completed or submitted in time, neither
 * cancelled nor suspended), so the trend report (issue #18) sums a window's days instead of reading
 * every item completed or due in it. "Missed" does not depend on the clock for any deadline before
 * today; today's are read row by row.
 *
 * Kept like report_item_counts (1734000000000): statement-level triggers with transition tables in
 * the writing transaction, TRUNCATE empties it, backups skip it and restoring the items rebuilds it.
 */
const DAY = (col: string) => `((${col} AT TIME ZONE 'Asia/Shanghai')::date)`;
const KEY = 'plan_id, kind, day, on_time';
/** Missed by its deadline whenever that has passed (the trend report's rule, without the clock). */
const MISSED = `t.status NOT IN ('cancelled', 'suspended') AND (t.completed_at IS NULL OR t.completed_at > t.due_at)
     AND NOT (t.submitted_at IS NOT NULL AND t.submitted_at <= t.due_at AND t.status IN ('submitted', 'completed'))`;
/** The trend rows of `source` (a tasks row source), signed. */
const from = (source: string, sign: string) => `
  SELECT t.plan_id, 'completed' AS kind, ${DAY('t.completed_at')} AS day, t.completed_at <= t.due_at AS on_time, ${sign} AS n
    FROM ${source} t WHERE t.status = 'completed' AND t.completed_at IS NOT NULL
  UNION ALL
  SELECT t.plan_id, 'missed', ${DAY('t.due_at')}, false, ${sign}
    FROM ${source} t WHERE ${MISSED}`;
const apply = (source: string) => `INSERT INTO report_trend_counts AS c (${KEY}, n)
    SELECT ${KEY}, sum(n) FROM (${source}) d GROUP BY ${KEY} HAVING sum(n) <> 0
    ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;`;

export class ReportTrendCounts1736220000000 implements MigrationInterface {
  name = 'ReportTrendCounts1736220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_trend_counts (
        plan_id uuid NOT NULL, kind text NOT NULL, day date NOT NULL, on_time boolean NOT NULL, n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION report_trend_counts_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE FUNCTION report_trend_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_trend_counts;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_trend_counts_${op.toLowerCase()} AFTER ${op} ON tasks REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_trend_counts_tasks()`);
    }
    await q.query(`CREATE TRIGGER report_trend_counts_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION report_trend_counts_truncate()`);
    await q.query(apply(from('tasks', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_trend_counts_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_trend_counts_tasks(), report_trend_counts_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_trend_counts`);
  }
}
