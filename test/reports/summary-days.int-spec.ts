// The summary's near months from report_due_days (migration 1736600000000, summary-days.ts) equal the
// summary from the items (test/reports/reference), at every Shanghai midnight for six weeks (so the
// clock's own day, the yellow date, the month and the horizon all move across item deadlines and month
// ends), with items crossing their deadline, the behind-schedule rule and the yellow date while the test runs.
import { DataSource } from 'typeorm';
import { sql } from '@app/persistence';
import { ReportClock, ReportScope, RunSql, runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { derivedColumnsSql } from '../../libs/persistence/src/repositories/task.repository';
import { openTestDatabase } from '../support/database';
import { behindCountsDrift, dueDaysDrift, rowsAroundTruncate } from './counts-drift';
import { summaryReport as summaryBefore } from './reference/summary.report';

const DAY = 86_400_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const clockAt = (now: Date): ReportClock => ({ now, today: shanghaiDate(now), yellowBefore: addDays(shanghaiDate(now), 4), progressSlack: 10 });
const midnightOf = (date: string) => new Date(`${date}T00:00:00+08:00`);

let db: { ds: DataSource; close(): Promise<void> };
let run: RunSql;
let plans: string[];
let units: string[];

/**
 * 1 500 items over 3 plans and 2 units: deadlines every ~5 hours from 2 months ago to 8 months ahead,
 * every status, submissions before and after the deadline and missing, progress 0–100, created from
 * a year to a day before their deadline (so items in the near months are behind schedule and not).
 */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 2) i`);
  await ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash)
                  SELECT '计划' || i, 2026, date '2025-01-01', date '2027-12-31', 'sd-' || i FROM generate_series(1, 3) i`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, progress, created_at, submitted_at, completed_at)
     SELECT p.ids[1 + i % 3], 'S' || lpad(i::text, 4, '0'), '事项' || i, d.due, d.due,
            (ARRAY['assigned','acknowledged','in_progress','submitted','returned','completed','in_progress','suspended','cancelled','submitted','assigned'])[1 + i % 11],
            (i * 17) % 101, d.due - (1 + (i * 7) % 365) * interval '1 day',
            CASE WHEN i % 11 IN (3, 9) AND i % 4 <> 0 THEN d.due + ((i % 5) - 2) * interval '20 hours' END,
            CASE WHEN i % 11 = 5 THEN d.due - interval '1 hour' END
       FROM generate_series(1, 1500) i CROSS JOIN p
       CROSS JOIN LATERAL (SELECT now() + (i * 5 - 1440) * interval '1 hour' + (i % 60) * interval '1 minute' AS due) d`,
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, created_at)
     SELECT t.id, u.ids[1 + n % 2], 'lead', t.created_at FROM (SELECT id, created_at, row_number() OVER (ORDER BY code) AS n FROM tasks) t CROSS JOIN u`,
  );
}

function scopes(): [string, ReportScope][] {
  const all = { kind: 'all' } as const;
  return [
    ['everything', { visibility: all }],
    ['one plan', { visibility: all, planId: plans[1] }],
    ['another plan', { visibility: all, planId: plans[2] }],
    ['a unit (the per-item path)', { visibility: { kind: 'unit', unitId: units[0] } }],
  ];
}

async function expectSame(now: Date): Promise<void> {
  for (const [name, s] of scopes()) {
    const label = `${name} at ${now.toISOString()}`;
    expect({ label, r: await summaryReport(run, s, clockAt(now)) }).toEqual({ label, r: await summaryBefore(run, s, clockAt(now)) });
  }
}

/** How many working items have each light, by where the deadline falls against the clock's day and yellow date. */
async function lightsNear(now: Date): Promise<Record<string, number>> {
  const c = clockAt(now);
  const { light } = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yb', slack: '10' });
  const rows = await run<{ k: string; n: number }>(sql`
      SELECT CASE WHEN t.due_at < lp.now THEN 'past' WHEN (t.due_at AT TIME ZONE 'Asia/Shanghai')::date < lp.yb THEN 'window' ELSE 'later' END
             || ' ' || ${sql.raw(light)} || ' ' || (t.progress < 90) AS k, count(*)::int AS n
        FROM tasks t CROSS JOIN (SELECT ${now}::timestamptz AS now, ${c.yellowBefore}::date AS yb) lp
       WHERE t.status IN ('assigned', 'acknowledged', 'in_progress', 'returned') AND t.due_at < lp.now + interval '60 days'
       GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

beforeAll(async () => {
  db = await openTestDatabase();
  run = runOn(db.ds);
  await seed(db.ds);
  plans = ((await db.ds.query(`SELECT id FROM plans ORDER BY title`)) as { id: string }[]).map((r) => r.id);
  units = ((await db.ds.query(`SELECT id FROM units ORDER BY code`)) as { id: string }[]).map((r) => r.id);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

describe('the summary from deadline days equals the summary from the items', () => {
  it('the fixture is not vacuous: the near months hold working items behind schedule and not, before and after the yellow date', async () => {
    const lights = await lightsNear(new Date());
    expect(lights).toEqual(
      expect.objectContaining({ 'past red true': expect.any(Number), 'window yellow true': expect.any(Number), 'later yellow true': expect.any(Number) }),
    );
    expect(lights['later green true']).toBeGreaterThan(0);
    expect(await dueDaysDrift(db.ds)).toEqual([]);
  });

  it('at every Shanghai midnight (a ms before, at it) and mid-day for six weeks', async () => {
    const today = shanghaiDate(new Date());
    await expectSame(new Date());
    for (let d = 1; d <= 42; d++) {
      const midnight = midnightOf(addDays(today, d));
      for (const now of [new Date(midnight.getTime() - 1), midnight, new Date(midnight.getTime() + 13 * 3600_000 + 1234)]) await expectSame(now);
    }
  }, 240_000);

  it('items crossing their deadline now: overdue in both, by the same count', async () => {
    // Working, submitted without a submission time, submitted late, submitted in time: due 2 s from now.
    // One statement, so one now(): the four share their deadline.
    await db.ds.query(
      `UPDATE tasks t SET due_at = now() + interval '2 seconds', status = v.status, submitted_at = now() + v.submitted * interval '1 day'
         FROM (VALUES ('S0101', 'in_progress', NULL), ('S0102', 'submitted', NULL), ('S0103', 'submitted', 1), ('S0104', 'submitted', 0)) AS v(code, status, submitted)
        WHERE t.code = v.code`,
    );
    const [{ due }] = (await db.ds.query(`SELECT due_at AS due FROM tasks WHERE code = 'S0101'`)) as { due: Date }[];
    const all = { visibility: { kind: 'all' } } as const;
    for (const now of [new Date(due.getTime() - 1), due, new Date(due.getTime() + 1)]) await expectSame(now);
    const at = (now: Date) => summaryReport(run, all, clockAt(now));
    expect((await at(new Date(due.getTime() + 1))).overdue - (await at(due)).overdue).toBe(3);
    expect(await dueDaysDrift(db.ds)).toEqual([]);
  }, 60_000);

  it('a deadline at a Shanghai midnight, with the clock at it', async () => {
    const midnight = midnightOf(addDays(shanghaiDate(new Date()), 1));
    await db.ds.query(`UPDATE tasks SET due_at = $1, status = 'assigned', progress = 0 WHERE code IN ('S0105', 'S0106')`, [midnight]);
    await db.ds.query(`UPDATE tasks SET due_at = $1::timestamptz - interval '1 microsecond', status = 'returned' WHERE code = 'S0107'`, [midnight]);
    for (const now of [new Date(midnight.getTime() - 1), midnight, new Date(midnight.getTime() + 1)]) await expectSame(now);
  }, 60_000);

  it('items falling behind schedule now, in the near months and before the yellow date: the same in both', async () => {
    // Progress 40 + slack 10 is half the span, and the span's middle is 2 s from now: the rule's crossing.
    // S0108 is due in 20 days (after the yellow date: its light turns yellow); S0109 in 2 days (yellow
    // by date already; the report's behind count must take it out exactly).
    for (const [code, days] of [
      ['S0108', 20],
      ['S0109', 2],
    ] as const) {
      await db.ds.query(
        `UPDATE tasks SET status = 'in_progress', progress = 40, submitted_at = NULL,
                          due_at = now() + $2 * interval '1 day', created_at = now() - $2 * interval '1 day' + interval '4 seconds' WHERE code = $1`,
        [code, days],
      );
    }
    expect(await behindCountsDrift(db.ds)).toEqual([]);
    const [{ created }] = (await db.ds.query(`SELECT created_at AS created FROM tasks WHERE code = 'S0108'`)) as { created: Date }[];
    const crossing = new Date(created.getTime() + 20 * DAY - 2000);
    const all = { visibility: { kind: 'all' } } as const;
    const after = [1, 3600_000, 8 * DAY].map((ms) => new Date(crossing.getTime() + ms));
    for (const now of [new Date(crossing.getTime() - 1), crossing, ...after]) await expectSame(now);
    const yellow = async (now: Date) => (await summaryReport(run, all, clockAt(now))).byLight.yellow;
    expect((await yellow(new Date(crossing.getTime() + 1))) - (await yellow(crossing))).toBe(1);
  }, 60_000);

  it('after updates and deletions the day counts match a recount and the summary the items', async () => {
    await db.ds.query(`UPDATE tasks SET status = 'completed', completed_at = now() WHERE code ~ '2$' AND status <> 'completed'`);
    await db.ds.query(`UPDATE tasks SET status = 'submitted', submitted_at = due_at + interval '1 hour' WHERE code ~ '13$'`);
    await db.ds.query(`UPDATE tasks SET status = 'submitted', submitted_at = due_at - interval '1 hour' WHERE code ~ '17$'`);
    await db.ds.query(`UPDATE tasks SET due_at = due_at + interval '9 days 7 hours' WHERE code ~ '4$'`);
    await db.ds.query(`UPDATE tasks SET progress = (progress + 30) % 101`);
    await db.ds.query(`UPDATE tasks SET plan_id = $1 WHERE code ~ '6$'`, [plans[0]]);
    await db.ds.query(`DELETE FROM tasks WHERE code ~ '5$'`);
    await db.ds.query(`UPDATE tasks SET status = 'in_progress' WHERE status IN ('cancelled', 'suspended') AND code ~ '[79]$'`);
    expect(await dueDaysDrift(db.ds)).toEqual([]);
    expect(await behindCountsDrift(db.ds)).toEqual([]);
    const today = shanghaiDate(new Date());
    await expectSame(new Date());
    for (let d = 1; d <= 8; d++) await expectSame(new Date(midnightOf(addDays(today, d)).getTime() - 1));
  }, 120_000);

  it('an emptied item table empties the day counts (restore truncates)', async () => {
    const { before, after } = await rowsAroundTruncate(db.ds, ['report_due_days']);
    expect(before.report_due_days).toBeGreaterThan(0);
    expect(after).toEqual({ report_due_days: 0 });
  });
});
