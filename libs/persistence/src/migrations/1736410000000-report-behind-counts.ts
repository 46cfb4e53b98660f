import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The summary report's behind-schedule count for working items due past its near windows (issue
 * #18), without reading them. The rule (derivedColumnsSql) is "behind" when
 * 100 × (now − created) > (progress + slack) × (due − created), i.e. when the clock passes the
 * instant K / 100 with K = 100 × created + (progress + slack) × (due − created) in epoch seconds.
 * That instant depends only on the row (for one slack), so rows are counted per plan, deadline
 * month and week number of K / 100 (report_behind_day, exact numeric): a week before the clock's
 * is behind, a week after it is not, and only the clock's own week is read row by row through the
 * expression index. Baked in: the slack DEFAULT_PROGRESS_SLACK (10); the report falls back to rows
 * for any other. Rows whose deadline is not after their creation are behind whenever progress +
 * slack < 100 (the rule's first branch while the deadline is ahead): bucket -2147483648. Rows with
 * progress + slack >= 100 are never behind before their deadline and are left out.
 *
 * Kept like report_item_counts (1734000000000): statement-level triggers with transition tables in
 * the writing transaction, TRUNCATE empties it, backups skip it and restoring the items rebuilds it.
 */
export const BEHIND_COUNTS_SLACK = 10;
/**
 * The week of K / 100 seconds. Any monotone bucket keeps "before / after the clock's" exact (div
 * truncates exactly where numeric division would round); the report buckets 100 × now with the
 * same expression. Weeks rather than days: 7× fewer keys to sum against 7× more rows read in the
 * clock's own bucket.
 */
export const behindBucket = (k: string) => `div(${k}, 60480000)::integer`;
const WORKING = `('assigned', 'acknowledged', 'in_progress', 'returned')`;
const KEY = 'plan_id, due_month, day';
/** The rows of `source` (a tasks row source) the counts hold, signed. */
const from = (source: string, sign: string) => `
  SELECT t.plan_id, date_trunc('month', t.due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_month,
         report_behind_day(t.created_at, t.due_at, t.progress) AS day, ${sign} AS n
    FROM ${source} t
   WHERE t.status IN ${WORKING} AND t.progress < ${100 - BEHIND_COUNTS_SLACK}
     AND report_behind_day(t.created_at, t.due_at, t.progress) IS NOT NULL`;
const apply = (source: string) => `INSERT INTO report_behind_counts AS c (${KEY}, n)
    SELECT ${KEY}, sum(n) FROM (${source}) d GROUP BY ${KEY} HAVING sum(n) <> 0
    ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;`;

export class ReportBehindCounts1736410000000 implements MigrationInterface {
  name = 'ReportBehindCounts1736410000000';

  async up(q: QueryRunner): Promise<void> {
    // IMMUTABLE although EXTRACT on timestamptz is STABLE: the epoch of an instant does not depend
    // on the session's time zone (only calendar fields do). NULL for infinite instants (read by row).
    // Only built-in functions inside: (auto)vacuum and analyze evaluate the index expression under
    // another search_path.
    await q.query(`
      CREATE FUNCTION report_behind_day(created timestamptz, due timestamptz, progress integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN NOT isfinite(created) OR NOT isfinite(due) THEN NULL
                    WHEN due <= created THEN -2147483648
                    ELSE ${behindBucket(`100 * EXTRACT(EPOCH FROM created) + (progress + ${BEHIND_COUNTS_SLACK}) * (EXTRACT(EPOCH FROM due) - EXTRACT(EPOCH FROM created))`)} END
      $$`);
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_behind_day_idx ON tasks (report_behind_day(created_at, due_at, progress)) INCLUDE (due_at, plan_id, created_at, progress)
                    WHERE status IN ${WORKING} AND progress < ${100 - BEHIND_COUNTS_SLACK}`);
    await q.query(`
      CREATE TABLE report_behind_counts (
        plan_id uuid NOT NULL, due_month date NOT NULL, day integer NOT NULL, n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION report_behind_counts_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE FUNCTION report_behind_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_behind_counts;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_behind_counts_${op.toLowerCase()} AFTER ${op} ON tasks REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_behind_counts_tasks()`);
    }
    await q.query(`CREATE TRIGGER report_behind_counts_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION report_behind_counts_truncate()`);
    await q.query(apply(from('tasks', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_behind_counts_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_behind_counts_tasks(), report_behind_counts_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_behind_counts`);
    await q.query(`DROP INDEX IF EXISTS tasks_behind_day_idx`);
    await q.query(`DROP FUNCTION IF EXISTS report_behind_day(timestamptz, timestamptz, integer)`);
  }
}
