// What the trigger-kept report counts must hold: each against a fresh recount of the rows it counts.
import { DataSource } from 'typeorm';

/** The counts as a fresh recount of the items would give them (what the triggers must keep). */
export async function countsDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT plan_id, status, date_trunc('month', due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_month,
             COALESCE(completed_at <= due_at, false) AS on_time, COALESCE(submitted_at <= due_at, false) AS submitted_in_time, count(*)::int AS n
        FROM tasks GROUP BY 1, 2, 3, 4, 5
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_item_counts WHERE n <> 0) c USING (plan_id, status, due_month, on_time, submitted_in_time)
     WHERE f.n IS DISTINCT FROM c.n
    UNION ALL
    SELECT NULL, a.role, NULL, NULL, NULL, count(*)::int, NULL, NULL FROM assignments a GROUP BY a.role
    HAVING count(*) <> (SELECT COALESCE(sum(n), 0) FROM report_unit_counts c WHERE c.role = a.role)`);
}

/** The trend counts (migration 1736220000000) against a fresh recount. */
export async function trendCountsDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT plan_id, 'completed' AS kind, (completed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, completed_at <= due_at AS on_time, count(*)::int AS n
        FROM tasks WHERE status = 'completed' AND completed_at IS NOT NULL GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT plan_id, 'missed', (due_at AT TIME ZONE 'Asia/Shanghai')::date, false, count(*)::int
        FROM tasks WHERE status NOT IN ('cancelled', 'suspended') AND (completed_at IS NULL OR completed_at > due_at)
         AND NOT (submitted_at IS NOT NULL AND submitted_at <= due_at AND status IN ('submitted', 'completed')) GROUP BY 1, 2, 3, 4
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_trend_counts WHERE n <> 0) c USING (plan_id, kind, day, on_time)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The unit classes (migration 1736320000000): every assignment counted once per report (the reports compare the classes). */
export async function unitClassesDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT 'units' AS report, unit_id, count(*)::int AS n FROM assignments GROUP BY 1, 2
      UNION ALL SELECT 'appraisal', unit_id, count(*)::int FROM assignments WHERE role IN ('lead', 'responsible') GROUP BY 1, 2
    )
    SELECT * FROM fresh f FULL JOIN (SELECT report, unit_id, sum(n)::int AS n FROM report_unit_classes GROUP BY 1, 2 HAVING sum(n) <> 0) c USING (report, unit_id)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The acknowledgement counts (migration 1736210000000) against a fresh recount. */
export async function ackCountsDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT a.unit_id, a.role, t.status = 'cancelled' AS cancelled, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_day,
             COALESCE((a.acknowledged_at AT TIME ZONE 'Asia/Shanghai')::date, 'infinity') AS ack_day,
             COALESCE((a.acknowledged_at AT TIME ZONE 'Asia/Shanghai')::time > time '18:00', false) AS ack_after_due_time, count(*)::int AS n
        FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE a.role IN ('lead', 'responsible') GROUP BY 1, 2, 3, 4, 5, 6
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_ack_counts WHERE n <> 0) c USING (unit_id, role, cancelled, created_day, ack_day, ack_after_due_time)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The behind-schedule counts (migration 1736410000000) against a fresh recount. */
export async function behindCountsDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT plan_id, date_trunc('month', due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_month,
             report_behind_day(created_at, due_at, progress) AS day, count(*)::int AS n
        FROM tasks WHERE status IN ('assigned', 'acknowledged', 'in_progress', 'returned') AND progress < 90
         AND report_behind_day(created_at, due_at, progress) IS NOT NULL GROUP BY 1, 2, 3
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_behind_counts WHERE n <> 0) c USING (plan_id, due_month, day)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The open items per deadline day (migration 1736600000000) against a fresh recount. */
export async function dueDaysDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT (due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_day, plan_id,
             count(*) FILTER (WHERE status = 'submitted' AND COALESCE(submitted_at <= due_at, false))::int AS sub_in_time,
             count(*) FILTER (WHERE status = 'submitted' AND NOT COALESCE(submitted_at <= due_at, false))::int AS sub_other,
             count(*) FILTER (WHERE status <> 'submitted')::int AS working,
             count(*) FILTER (WHERE status <> 'submitted' AND progress < 90)::int AS behind_able
        FROM tasks WHERE status IN ('submitted', 'assigned', 'acknowledged', 'in_progress', 'returned') AND isfinite(due_at) GROUP BY 1, 2
    )
    SELECT * FROM fresh f
      FULL JOIN (SELECT * FROM report_due_days WHERE (sub_in_time, sub_other, working, behind_able) <> (0, 0, 0, 0)) c USING (due_day, plan_id)
     WHERE (f.sub_in_time, f.sub_other, f.working, f.behind_able) IS DISTINCT FROM (c.sub_in_time, c.sub_other, c.working, c.behind_able)`);
}

/** The indicators report's kept targets and their per-plan counts (migration 1736500000000) against the items. */
export async function indicatorTargetsDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT t.plan_id, t.code, e.ord, t.id AS task_id
        FROM tasks t CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(t.indicators) = 'array' THEN t.indicators ELSE '[]' END)
             WITH ORDINALITY AS e(v, ord)
       WHERE jsonb_typeof(e.v -> 'value') = 'number' AND COALESCE(e.v ->> 'name', '') <> ''
    )
    SELECT 'target' AS kind, f.plan_id, f.code, f.ord, f.task_id, r.task_id AS kept
      FROM fresh f FULL JOIN report_indicator_targets r USING (plan_id, code, ord)
     WHERE f.task_id IS DISTINCT FROM r.task_id
    UNION ALL
    SELECT 'count', plan_id, NULL, f.n, NULL, NULL
      FROM (SELECT plan_id, count(*) AS n FROM fresh GROUP BY plan_id) f
      FULL JOIN (SELECT plan_id, n FROM report_indicator_counts WHERE n <> 0) c USING (plan_id)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/**
 * Rows in each of `tables` before and after `TRUNCATE tasks CASCADE` with `duban.restoring` on, as a
 * restore runs it, inside a transaction that is rolled back: the suite's other tests read the same items.
 */
export async function rowsAroundTruncate(ds: DataSource, tables: string[]): Promise<{ before: Record<string, number>; after: Record<string, number> }> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  const rows = async () => {
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = ((await qr.query(`SELECT count(*)::int AS n FROM ${t}`)) as { n: number }[])[0].n;
    return counts;
  };
  try {
    await qr.query(`SET LOCAL duban.restoring = 'on'`);
    const before = await rows();
    await qr.query(`TRUNCATE tasks CASCADE`);
    return { before, after: await rows() };
  } finally {
    await qr.rollbackTransaction();
    await qr.release();
  }
}

/** The appraisal's notice counts (migration 1736610000000) against a fresh recount of the sent reminders. */
export async function noticeCountsDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT unit_id, notice_level, reason, kind, count(*)::int AS n FROM reminders WHERE state = 'sent' AND unit_id IS NOT NULL GROUP BY 1, 2, 3, 4
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_notice_counts WHERE n <> 0) c USING (unit_id, notice_level, reason, kind)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The appraisal's items not done per counted deadline day (migration 1736630000000) against a fresh recount. */
export async function appraisalDaysDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT ((CASE WHEN t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at THEN t.due_at ELSE t.original_due_at END)
                AT TIME ZONE 'Asia/Shanghai')::date AS due_day,
             a.unit_id, COALESCE(t.extension_approved_at <= t.original_due_at, false) AS extended, count(*)::int AS n
        FROM assignments a JOIN tasks t ON t.id = a.task_id
       WHERE a.role IN ('lead', 'responsible') AND t.status <> 'cancelled' AND t.completed_at IS NULL
       GROUP BY 1, 2, 3
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_appraisal_days WHERE n <> 0) c USING (due_day, unit_id, extended)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The units report's open items not submitted in time per deadline day, unit and role (migration 1736650000000) against a fresh recount. */
export async function unitDaysDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT (t.due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_day, a.unit_id, a.role, count(*)::int AS n
        FROM assignments a JOIN tasks t ON t.id = a.task_id
       WHERE t.status NOT IN ('completed', 'cancelled', 'suspended') AND NOT (t.status = 'submitted' AND COALESCE(t.submitted_at <= t.due_at, false))
         AND isfinite(t.due_at)
       GROUP BY 1, 2, 3
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_unit_days WHERE n <> 0) c USING (due_day, unit_id, role)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/**
 * The late-acknowledgement count (migration 1736660000000) against a recount of the acknowledgement
 * keys over the deadline dates ack_deadlines holds (whichever window they are for).
 */
export async function lateAcksDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT k.unit_id, sum(k.n)::int AS n FROM report_ack_counts k JOIN ack_deadlines b ON b.created_day = k.created_day
       WHERE NOT k.cancelled AND k.ack_day <> 'infinity' AND (k.ack_day > b.due_day OR (k.ack_day = b.due_day AND k.ack_after_due_time))
       GROUP BY 1 HAVING sum(k.n) <> 0
    )
    SELECT * FROM fresh f FULL JOIN (SELECT * FROM report_late_acks WHERE n <> 0) c USING (unit_id)
     WHERE f.n IS DISTINCT FROM c.n`);
}

/** The unit-class rollup (migration 1736680000000) against a recount of report_unit_classes for the month it is for. */
export async function unitRollupDrift(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    WITH fresh AS (
      SELECT c.report, c.unit_id, c.role, c.cls,
             CASE WHEN c.due_month < m.month THEN -1 WHEN c.due_month = m.month THEN 0 ELSE 1 END AS side,
             sum(c.n)::int AS n, sum(c.due_day_sum)::bigint AS due_day_sum, sum(c.delay_n)::int AS delay_n, sum(c.delay_sum)::bigint AS delay_sum
        FROM report_unit_classes c CROSS JOIN report_unit_rollup_month m WHERE m.month IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5 HAVING sum(c.n) <> 0 OR sum(c.due_day_sum) <> 0 OR sum(c.delay_n) <> 0 OR sum(c.delay_sum) <> 0
    )
    SELECT * FROM fresh f
      FULL JOIN (SELECT * FROM report_unit_rollup WHERE n <> 0 OR due_day_sum <> 0 OR delay_n <> 0 OR delay_sum <> 0) r USING (report, unit_id, role, cls, side)
     WHERE (f.n, f.due_day_sum, f.delay_n, f.delay_sum) IS DISTINCT FROM (r.n, r.due_day_sum, r.delay_n, r.delay_sum)`);
}
