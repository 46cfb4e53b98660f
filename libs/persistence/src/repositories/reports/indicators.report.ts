import { Sql, sql } from '../../db/sql';
import { scopeClauses } from '../task-scope';
import { clockCte, DUE_DATE, int, isoDate, num, PageWindow, Paged, ReportClock, ReportScope, RunSql } from './report-sql';

export interface IndicatorRow {
  source: 'task' | 'plan';
  planId: string;
  planTitle: string;
  taskId: string | null;
  code: string;
  label: string;
  name: string;
  unit: string | null;
  comparator: string;
  target: number;
  latestValue: number | null;
  reportedAt: Date | null;
  percentAchieved: number | null;
  deadline: string;
  elapsedPercent: number;
  onTrack: boolean;
}

const IND = (col: string) => sql.raw(`jsonb_array_elements(CASE WHEN jsonb_typeof(${col}) = 'array' THEN ${col} ELSE '[]'::jsonb END)`);
const VALID = sql.raw(`jsonb_typeof(e.v -> 'value') = 'number' AND COALESCE(e.v ->> 'name', '') <> ''`);
const DEADLINE = (fallback: string) =>
  sql.raw(`CASE WHEN (e.v ->> 'deadline') ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (e.v ->> 'deadline')::date ELSE ${fallback} END`);

/**
 * Every quantified target (指标): the items' own indicators and, unless the caller sees only a
 * unit's items or asked for one unit, the plan-level targets (主要目标). The latest reported value
 * is per item and name; for a plan target, per plan and name over all the plan's items' reports.
 * On track: percent achieved at least the share of time elapsed towards the indicator's deadline.
 */
export async function indicatorsReport(run: RunSql, s: ReportScope, c: ReportClock, o: PageWindow): Promise<Paged<IndicatorRow>> {
  const withPlanTargets = s.visibility.kind === 'all' && !s.unitId;
  const planWhere: Sql[] = s.planId ? [sql`pt.plan_id = ${s.planId}`] : [];
  const planTargets = sql`
        SELECT 'plan' AS source, pt.plan_id, NULL::uuid AS task_id, pt.code, pt.text AS label, e.ord,
               e.v ->> 'name' AS name, e.v ->> 'unit' AS unit, COALESCE(e.v ->> 'comparator', '>=') AS comparator,
               (e.v ->> 'value')::numeric AS target, ${DEADLINE('pl.period_end')} AS deadline, pl.period_start AS start_date
          FROM plan_targets pt JOIN plans pl ON pl.id = pt.plan_id
          CROSS JOIN LATERAL ${IND('pt.indicators')} WITH ORDINALITY AS e(v, ord)
         ${sql.where([...planWhere, VALID])}`;
  // Every item visible, no deadline window: the page comes from report_indicator_targets.
  const counted = withPlanTargets && !s.from && !s.to;
  const page = counted ? countedPage(s, o, planTargets) : scannedPage(s, o, withPlanTargets ? planTargets : null);
  // A plan target's latest value: one pass over the reports of the page's plans that have such
  // targets, keeping only the names asked for before picking the latest. Left out of the statement
  // when the page holds no plan target: even never executed, its estimate (every report of the
  // plans) makes PostgreSQL JIT-compile the statement from ~1M items on, ~100 ms for nothing.
  const latestPlan = sql`
      latest_plan AS (
        SELECT DISTINCT ON (t.plan_id, r.name) t.plan_id, r.name, r.value, r.created_at
          FROM (SELECT pr.task_id, pr.id, pr.created_at, iv ->> 'name' AS name, (iv ->> 'value')::numeric AS value
                  FROM progress_reports pr CROSS JOIN LATERAL ${IND('pr.indicator_values')} AS iv
                 WHERE jsonb_typeof(iv -> 'value') = 'number'
                   -- ARRAY(...) is a one-off filter on the names asked for (the join on f matches exact pairs).
                   AND iv ->> 'name' = ANY (ARRAY(SELECT name FROM page WHERE source = 'plan'))
                   -- A one-time filter: a page of item targets only reads no reports here.
                   AND EXISTS (SELECT 1 FROM page WHERE source = 'plan')
                OFFSET 0) r
          JOIN tasks t ON t.id = r.task_id
         WHERE t.plan_id = ANY (ARRAY(SELECT plan_id FROM page WHERE source = 'plan'))
         ORDER BY t.plan_id, r.name, r.created_at DESC, r.id DESC
      )`;
  const noLatestPlan = sql`latest_plan AS (SELECT NULL::uuid AS plan_id, NULL::text AS name, NULL::numeric AS value, NULL::timestamptz AS created_at WHERE false)`;
  const query = (withLatestPlan: boolean) =>
    run(sql`
      WITH ${clockCte(c)},
      ${page},
      ${withLatestPlan ? latestPlan : noLatestPlan},
      joined AS (
        SELECT f.*, COALESCE(lt.value, lpn.value) AS latest_value, COALESCE(lt.created_at, lpn.created_at) AS reported_at,
               CASE WHEN f.deadline <= f.start_date THEN 1
                    ELSE LEAST(1, GREATEST(0, (lp.today - f.start_date)::numeric / (f.deadline - f.start_date))) END AS elapsed
          FROM page f CROSS JOIN lp
          -- An item target's latest value: its own reports, newest first (progress_task_idx).
          LEFT JOIN LATERAL (
            SELECT (iv ->> 'value')::numeric AS value, pr.created_at
              FROM progress_reports pr CROSS JOIN LATERAL ${IND('pr.indicator_values')} AS iv
             WHERE f.source = 'task' AND pr.task_id = f.task_id AND iv ->> 'name' = f.name AND jsonb_typeof(iv -> 'value') = 'number'
             ORDER BY pr.created_at DESC, pr.id DESC
             LIMIT 1
          ) lt ON true
          LEFT JOIN latest_plan lpn ON f.source = 'plan' AND lpn.plan_id = f.plan_id AND lpn.name = f.name
      ),
      scored AS (
        SELECT j.*,
               CASE WHEN j.latest_value IS NULL THEN NULL
                    WHEN j.comparator = '<=' THEN CASE WHEN j.latest_value <= j.target THEN 100
                                                       ELSE round(100 * j.target / j.latest_value, 1) END
                    WHEN j.target = 0 THEN CASE WHEN j.latest_value >= 0 THEN 100 ELSE 0 END
                    ELSE round(100 * j.latest_value / j.target, 1) END AS percent
          FROM joined j
      )
      SELECT sc.*, round(100 * sc.elapsed, 1) AS elapsed_percent, (COALESCE(sc.percent, 0) >= 100 * sc.elapsed) AS on_track
        FROM scored sc
       ORDER BY sc.plan_title, sc.source DESC, sc.code, sc.ord`);
  const withLatestPlan = !counted || (await run<{ plan: boolean }>(sql`WITH ${countedSegments(s, o)} SELECT EXISTS (SELECT 1 FROM reached WHERE source = 'plan') AS plan`))[0].plan;
  let rows = await query(withLatestPlan);
  // The statements see different snapshots: a plan target that reached the page in between is read again with its values.
  if (!withLatestPlan && rows.some((r) => r.source === 'plan')) rows = await query(true);
  return {
    total: rows.length ? int(rows[0].total_rows) : 0,
    rows: rows.map((r) => ({
      source: r.source as 'task' | 'plan',
      planId: r.plan_id as string,
      planTitle: r.plan_title as string,
      taskId: (r.task_id as string | null) ?? null,
      code: r.code as string,
      label: r.label as string,
      name: r.name as string,
      unit: (r.unit as string | null) ?? null,
      comparator: r.comparator as string,
      target: Number(r.target),
      latestValue: num(r.latest_value),
      reportedAt: (r.reported_at as Date | null) ?? null,
      percentAchieved: num(r.percent),
      deadline: isoDate(r.deadline),
      elapsedPercent: Number(r.elapsed_percent),
      onTrack: r.on_track as boolean,
    })),
  };
}

/** An item target's columns from `x` (an item with due_date) and `e` (the element and its ordinal). */
const itemTarget = sql`'task' AS source, x.plan_id, x.id AS task_id, x.code, x.title AS label, e.ord,
               e.v ->> 'name' AS name, e.v ->> 'unit' AS unit, COALESCE(e.v ->> 'comparator', '>=') AS comparator,
               (e.v ->> 'value')::numeric AS target, ${DEADLINE('x.due_date')} AS deadline,
               (x.created_at AT TIME ZONE 'Asia/Shanghai')::date AS start_date`;

/**
 * The page (CTE `page`: the targets' columns, plan_title and total_rows) from every target of every
 * item in scope, ordered and cut: the cost grows with the items that have indicators.
 */
function scannedPage(s: ReportScope, o: PageWindow, planTargets: Sql | null): Sql {
  const deadlineWhere: Sql[] = [];
  if (s.from) deadlineWhere.push(sql`deadline >= ${s.from}::date`);
  if (s.to) deadlineWhere.push(sql`deadline <= ${s.to}::date`);
  return sql`scoped AS (
        SELECT t.id, t.plan_id, t.code, t.title, t.indicators, t.created_at, ${DUE_DATE} AS due_date
          FROM tasks t CROSS JOIN lp
         ${sql.where([
           ...scopeClauses(s, { dates: false }),
           // Items without indicators have no targets; the partial index tasks_indicators_idx finds the rest.
           sql`jsonb_typeof(t.indicators) = 'array'`,
           sql`t.indicators <> '[]'::jsonb`,
         ])}
      ),
      targets AS (
        SELECT ${itemTarget}
          FROM scoped x CROSS JOIN LATERAL ${IND('x.indicators')} WITH ORDINALITY AS e(v, ord)
         WHERE ${VALID}
        ${planTargets ? sql`UNION ALL ${planTargets}` : sql.empty}
      ),
      filtered AS (SELECT * FROM targets ${sql.where(deadlineWhere)}),
      -- The page is chosen on the order keys alone (they do not depend on the values), so the latest
      -- values are looked up for the page's targets only, not for every target of every item.
      page AS (
        SELECT f.*, pl.title AS plan_title, count(*) OVER ()::int AS total_rows
          FROM filtered f JOIN plans pl ON pl.id = f.plan_id
         ORDER BY pl.title, f.source DESC, f.code, f.ord
         LIMIT ${o.limit} OFFSET ${o.offset}
      )`;
}

/**
 * The same page for every item (or one plan's) without a deadline window, from the kept targets
 * (migration 1736500000000): the order is (plan title, item targets before plan targets, code,
 * ordinal), so the page lies in a few (title, source) segments whose sizes are summed from
 * report_indicator_counts and the plan targets; within a segment the targets are read in key order
 * from each of its plans (one, unless plans share a title), at most as many as the page reaches
 * into it. Only the page's items' indicator JSON is read. The cost follows the page's depth within
 * a plan, not the number of items.
 */
function countedPage(s: ReportScope, o: PageWindow, planTargets: Sql): Sql {
  const end = o.offset + o.limit;
  return sql`${countedSegments(s, o)},
      -- The first (page end − segment start) targets of each plan in a reached item segment hold the
      -- segment's part of the page whichever plan they come from. LIMIT the page end, which is more
      -- but a constant: with a limit that depends on the segment the planner assumes a tenth of the
      -- plan's targets, an estimate that grows with the items (and turns on JIT from ~10M).
      item_keys AS (
        SELECT g.title, g.before, g.total, k.task_id, k.ord,
               g.before + row_number() OVER (PARTITION BY g.title ORDER BY k.code, k.ord) - 1 AS pos
          FROM reached g CROSS JOIN LATERAL unnest(g.plans) AS p(id)
          CROSS JOIN LATERAL (
            SELECT r.code, r.ord, r.task_id FROM report_indicator_targets r
             WHERE r.plan_id = p.id ORDER BY r.code, r.ord LIMIT ${end}
          ) k
         WHERE g.source = 'task'
      ),
      -- One primary-key probe per page row (LIMIT keeps the planner from hashing every item when it
      -- overestimates the keys).
      items AS (
        SELECT k.pos, k.title AS plan_title, k.total, x.id, x.plan_id, x.code, x.title, x.created_at, x.due_date,
               x.indicators -> (k.ord::int - 1) AS v, k.ord
          FROM item_keys k
          CROSS JOIN LATERAL (
            SELECT t.id, t.plan_id, t.code, t.title, t.created_at, t.indicators, (t.due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_date
              FROM tasks t WHERE t.id = k.task_id LIMIT 1
          ) x
         WHERE k.pos >= ${o.offset} AND k.pos < ${end}
      ),
      plan_rows AS (
        SELECT pt.*, g.title AS plan_title, g.total,
               g.before + row_number() OVER (PARTITION BY g.title ORDER BY pt.code, pt.ord) - 1 AS pos
          FROM reached g JOIN (${planTargets}) pt ON pt.plan_id = ANY (g.plans)
         WHERE g.source = 'plan'
      ),
      page AS (
        SELECT * FROM (
          SELECT ${itemTarget}, x.plan_title, x.total::int AS total_rows, x.pos
            FROM items x CROSS JOIN LATERAL (SELECT x.v, x.ord) AS e
          UNION ALL
          SELECT source, plan_id, task_id, code, label, ord, name, unit, comparator, target, deadline, start_date,
                 plan_title, total::int, pos
            FROM plan_rows WHERE pos >= ${o.offset} AND pos < ${end}
        ) u ORDER BY pos
      )`;
}

/** The (plan title, source) segments of the counted page, their place in the order and total, and those the page reaches. */
function countedSegments(s: ReportScope, o: PageWindow): Sql {
  const end = o.offset + o.limit;
  return sql`segments AS (
        SELECT pl.title, 'task' AS source, sum(c.n)::bigint AS n, array_agg(c.plan_id) AS plans
          FROM report_indicator_counts c JOIN plans pl ON pl.id = c.plan_id
         ${sql.where([sql`c.n > 0`, ...(s.planId ? [sql`c.plan_id = ${s.planId}`] : [])])}
         GROUP BY pl.title
        UNION ALL
        SELECT pl.title, 'plan', count(*), array_agg(DISTINCT pl.id)
          FROM plan_targets pt JOIN plans pl ON pl.id = pt.plan_id
          CROSS JOIN LATERAL ${IND('pt.indicators')} AS e(v)
         ${sql.where([...(s.planId ? [sql`pt.plan_id = ${s.planId}`] : []), VALID])}
         GROUP BY pl.title
      ),
      placed AS (
        SELECT g.*, (sum(g.n) OVER (ORDER BY g.title, g.source DESC ROWS UNBOUNDED PRECEDING) - g.n)::bigint AS before,
               (sum(g.n) OVER ())::bigint AS total
          FROM segments g
      ),
      reached AS (SELECT * FROM placed WHERE before < ${end} AND before + n > ${o.offset})`;
}
