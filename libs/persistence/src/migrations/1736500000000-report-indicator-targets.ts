import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indicators report's item targets in page order (issue #18), so a page is cut without
 * enumerating every item's indicator JSON. report_indicator_targets holds one row per quantified
 * item target (an element of tasks.indicators with a numeric value and a name), keyed like the
 * report orders them within a plan: item code (unique per plan), then the element's ordinal.
 * report_indicator_counts holds their number per plan, so the page's total and the plans before it
 * are summed, not counted.
 *
 * Kept like report_item_counts (1734000000000): statement-level triggers with transition tables in
 * the writing transaction (an update touches them only when an item's plan, code or indicators
 * changed), TRUNCATE empties them, backups skip them and restoring the items rebuilds them.
 */
/** The quantified targets of `source` (a tasks row source): the report's VALID, in its ordinals. */
const targets = (source: string) => `
  SELECT t.plan_id, t.code, e.ord, t.id AS task_id
    FROM ${source} t
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(t.indicators) = 'array' THEN t.indicators ELSE '[]'::jsonb END)
         WITH ORDINALITY AS e(v, ord)
   WHERE jsonb_typeof(e.v -> 'value') = 'number' AND COALESCE(e.v ->> 'name', '') <> ''`;
/** Rows of `a` whose plan, code and indicators are not found unchanged in `b` (same item). */
const changed = (a: string, b: string) =>
  `(SELECT x.* FROM ${a} x WHERE NOT EXISTS (SELECT 1 FROM ${b} y WHERE y.id = x.id AND y.plan_id = x.plan_id
                                              AND y.code = x.code AND y.indicators = x.indicators))`;
const count = (source: string, sign: string) => `INSERT INTO report_indicator_counts AS c (plan_id, n)
    SELECT plan_id, ${sign} * count(*) FROM (${targets(source)}) d GROUP BY plan_id
    ON CONFLICT (plan_id) DO UPDATE SET n = c.n + EXCLUDED.n;`;
const remove = (source: string) => `DELETE FROM report_indicator_targets r USING (${targets(source)}) d
    WHERE r.plan_id = d.plan_id AND r.code = d.code AND r.ord = d.ord;
    ${count(source, '-1')}`;
const add = (source: string) => `INSERT INTO report_indicator_targets (plan_id, code, ord, task_id) ${targets(source)};
    ${count(source, '1')}`;

export class ReportIndicatorTargets1736500000000 implements MigrationInterface {
  name = 'ReportIndicatorTargets1736500000000';

  async up(q: QueryRunner): Promise<void> {
    // Index-only reads of a plan's page: the key is the report's order within a plan.
    await q.query(`
      CREATE TABLE report_indicator_targets (
        plan_id uuid NOT NULL, code text NOT NULL, ord bigint NOT NULL, task_id uuid NOT NULL,
        PRIMARY KEY (plan_id, code, ord) INCLUDE (task_id)
      )`);
    await q.query(`CREATE TABLE report_indicator_counts (plan_id uuid PRIMARY KEY, n integer NOT NULL DEFAULT 0)`);
    // Old keys go before new ones are added: in one statement an item may take the code another gives up.
    await q.query(`
      CREATE FUNCTION report_indicator_targets_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${add('new_rows')}
        ELSIF TG_OP = 'UPDATE' THEN
          ${remove(changed('old_rows', 'new_rows'))}
          ${add(changed('new_rows', 'old_rows'))}
        ELSE
          ${remove('old_rows')}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_indicator_targets_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_indicator_targets, report_indicator_counts;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_indicator_targets_${op.toLowerCase()} AFTER ${op} ON tasks REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_indicator_targets_tasks()`);
    }
    await q.query(`CREATE TRIGGER report_indicator_targets_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION report_indicator_targets_truncate()`);
    await q.query(add('tasks'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_indicator_targets_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_indicator_targets_tasks(), report_indicator_targets_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_indicator_targets, report_indicator_counts`);
  }
}
