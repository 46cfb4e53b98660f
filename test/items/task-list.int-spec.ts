// GET /tasks's list (issue #18: the page chosen by ids in index order, the light filter through
// candidate ranges, trigram indexes for q=; list18f: `total` from the report counts) answers exactly
// what the SQL before it answered (test/items/reference/task-list.ts): every sort and order, every
// filter alone and some together, shallow and deep pages, in every scope, at clocks on both sides of
// an item's deadline, of the yellow date, of a month start and the horizon, and of a behind-schedule
// crossing.
import { DataSource } from 'typeorm';
import { Db, LightParams, TaskListFilter, TaskRepository, TaskScope } from '@app/persistence';
import { runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { openTestDatabase } from '../support/database';
import { listBefore } from './reference/task-list';
import { countedTotalSql } from '../../libs/persistence/src/repositories/task-list-total';

const DAY = 86_400_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

let db: { ds: DataSource; close(): Promise<void> };
let repo: TaskRepository;
let units: string[];
let plans: string[];

/**
 * 900 items over 3 plans and 6 units: every status, deadlines every ~7 hours from 9 months ago to 9
 * months ahead, codes repeated across plans and updated_at shared by most items (so the id
 * tie-breaker decides), progress from 0 to 100, submissions before and after the deadline, pending
 * and decided extension requests, titles and contents holding the searched words and LIKE's wildcards.
 */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 6) i`);
  await ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash)
                  SELECT '计划' || i, 2026, date '2025-01-01', date '2027-12-31', 'tl-' || i FROM generate_series(1, 3) i`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, content, original_due_at, due_at, status, progress, created_at, submitted_at, completed_at, updated_at)
     SELECT p.ids[1 + i % 3], 'T' || lpad((i / 3)::text, 3, '0'),
            CASE WHEN i % 13 = 0 THEN '整改_100%事项' || i ELSE '事项' || i END,
            CASE WHEN i % 5 = 0 THEN '落实事项123的要求' ELSE '' END,
            now() + (i * 7 - 3150) * interval '1 hour',
            now() + (i * 7 - 3150) * interval '1 hour',
            (ARRAY['assigned','acknowledged','in_progress','submitted','returned','completed','completed','in_progress','suspended','cancelled','submitted'])[1 + i % 11],
            (i * 13) % 101,
            now() - (200 + i % 50) * interval '1 day',
            CASE WHEN i % 11 IN (3, 5, 6, 10) THEN now() + (i * 7 - 3150 + (i % 5 - 2) * 30) * interval '1 hour' END,
            CASE WHEN i % 11 IN (5, 6) THEN now() + (i * 7 - 3150) * interval '1 hour' END,
            CASE WHEN i % 4 = 0 THEN now() - (i % 9) * interval '1 hour' ELSE now() END
       FROM generate_series(1, 900) i CROSS JOIN p`,
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, created_at)
     SELECT t.id, u.ids[1 + ((n + r.shift) % 6)], r.role, t.created_at
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM tasks) t
       CROSS JOIN u CROSS JOIN LATERAL (VALUES ('lead', 0), ('responsible', 2), ('assisting', 4)) AS r(role, shift)
      WHERE r.role = 'lead' OR (r.role = 'responsible' AND n % 2 = 0) OR (r.role = 'assisting' AND n % 3 = 0)`,
  );
  await ds.query(
    `INSERT INTO extension_requests (task_id, requested_due_at, reason, status)
     SELECT id, due_at + interval '7 days', '延期', CASE WHEN title ~ '[37]$' THEN 'pending' ELSE 'rejected' END
       FROM tasks WHERE title ~ '[137]$'`,
  );
  // Deadlines a JavaScript Date can name exactly, so that a clock can stand at one.
  await ds.query(`UPDATE tasks SET due_at = date_trunc('milliseconds', due_at), original_due_at = date_trunc('milliseconds', original_due_at)`);
  await ds.query(`ANALYZE tasks, assignments, extension_requests, plans, units`);
}

function scopes(today: string): [string, TaskScope][] {
  const all = { kind: 'all' } as const;
  return [
    ['everything', { visibility: all }],
    ['one plan', { visibility: all, planId: plans[1] }],
    ['a unit sees its items', { visibility: { kind: 'unit', unitId: units[0] } }],
    ['unitId filter in a plan', { visibility: all, planId: plans[2], unitId: units[3] }],
    ['a deadline window', { visibility: all, from: addDays(today, -20), to: addDays(today, 15) }],
  ];
}

type Filter = Omit<TaskListFilter, 'scope' | 'sort' | 'order' | 'offset' | 'limit'>;
const FILTERS: [string, Filter][] = [
  ['no filter', {}],
  ['light=red', { light: 'red' }],
  ['light=yellow', { light: 'yellow' }],
  ['light=green', { light: 'green' }],
  ['light=none', { light: 'none' }],
  ['q=事项123', { q: '事项123' }],
  ['q=T01 (a code)', { q: 'T01' }],
  ['q=_100% (wildcards taken literally)', { q: '_100%' }],
  ['q=事 (shorter than a trigram)', { q: '事' }],
  ['status', { status: 'in_progress' }],
  ['overdue', { overdue: true }],
  ['not overdue', { overdue: false }],
  ['extension pending', { extensionPending: true }],
  ['light and status', { light: 'yellow', status: 'returned' }],
  ['light and q', { light: 'red', q: '事项1' }],
  ['light and not overdue', { light: 'green', overdue: false }],
];
const SORTS = ['dueAt', 'code', 'updatedAt'] as const;
const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 37, limit: 25 },
];

/** Filters `total` alone is checked with besides FILTERS (each status's share of the report counts). */
const TOTAL_FILTERS: [string, Filter][] = [
  ...FILTERS,
  ['status=submitted', { status: 'submitted' }],
  ['status=completed', { status: 'completed' }],
  ['status=assigned', { status: 'assigned' }],
];

/**
 * How much of the matrix a clock is checked with. `full`: every sort, order and page (once, at the
 * present clock: sorting and paging do not depend on the clock). `clock`: every scope and filter by
 * deadline both ways, both pages, where the clock moves items between lights and the light filter's
 * candidate ranges. `totals`: one sort and page, for clocks that only move `total` and the lights.
 */
type Sweep = 'full' | 'clock' | 'totals';
async function expectSameLists(lp: LightParams, sweep: Sweep = 'clock'): Promise<void> {
  const run = runOn(db.ds);
  const totalsOnly = sweep === 'totals';
  for (const [scopeName, scope] of scopes(shanghaiDate(lp.now))) {
    for (const [filterName, filter] of totalsOnly ? TOTAL_FILTERS : FILTERS) {
      for (const sort of sweep === 'full' ? SORTS : (['dueAt'] as const)) {
        for (const order of totalsOnly ? (['asc'] as const) : (['asc', 'desc'] as const)) {
          for (const page of totalsOnly ? PAGES.slice(0, 1) : PAGES) {
            const f: TaskListFilter = { scope, ...filter, sort, order, ...page };
            const label = `${scopeName}, ${filterName}, ${sort}:${order}, offset ${page.offset} at ${lp.now.toISOString()} yellow before ${lp.yellowBefore}`;
            expect({ label, r: await repo.list(f, lp) }).toEqual({ label, r: await listBefore(run, f, lp) });
          }
        }
      }
    }
  }
}

const paramsAt = (now: Date, yellowDays = 4): LightParams => ({ now, yellowBefore: addDays(shanghaiDate(now), yellowDays), progressSlack: 10 });

beforeAll(async () => {
  db = await openTestDatabase();
  repo = new TaskRepository(Db.standalone(db.ds));
  await seed(db.ds);
  units = ((await db.ds.query(`SELECT id FROM units ORDER BY code`)) as { id: string }[]).map((r) => r.id);
  plans = ((await db.ds.query(`SELECT id FROM plans ORDER BY title`)) as { id: string }[]).map((r) => r.id);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

describe('GET /tasks lists the same pages as before', () => {
  it('now: every sort, filter, scope and page, and not vacuously', async () => {
    const lp = paramsAt(new Date());
    await expectSameLists(lp, 'full');
    const all = (extra: Filter) => repo.list({ scope: { visibility: { kind: 'all' } }, sort: 'dueAt', order: 'asc', offset: 0, limit: 2000, ...extra }, lp);
    for (const light of ['red', 'yellow', 'green', 'none']) expect({ light, some: (await all({ light })).total > 40 }).toEqual({ light, some: true });
    // Yellow both by the date and by progress alone (due far ahead); green both submitted and working.
    const yellow = (await all({ light: 'yellow' })).rows;
    expect(yellow.some((r) => r.dueAt.getTime() > Date.now() + 30 * DAY)).toBe(true);
    const green = (await all({ light: 'green' })).rows;
    expect(new Set(green.map((r) => r.status === 'submitted'))).toEqual(new Set([true, false]));
    expect((await all({ q: '_100%' })).total).toBeGreaterThan(0);
    expect((await all({ q: '事项123' })).total).toBeGreaterThan(0);
    // The order ties (one updated_at for most items, one code per three items) are broken by id in both.
    const [{ ties }] = (await db.ds.query(`SELECT max(n)::int AS ties FROM (SELECT count(*) AS n FROM tasks GROUP BY updated_at) x`)) as { ties: number }[];
    expect(ties).toBeGreaterThan(100);
  }, 600_000);

  it('at an item deadline and a millisecond after, and across the yellow date', async () => {
    // An in-progress item due at this moment: not overdue (yellow) at its deadline, red a millisecond later.
    const [{ id, due }] = (await db.ds.query(
      `SELECT id, due_at AS due FROM tasks WHERE status = 'in_progress' AND due_at > now() + interval '2 days' ORDER BY due_at LIMIT 1`,
    )) as { id: string; due: Date }[];
    const lightOf = async (lp: LightParams) =>
      (await repo.list({ scope: { visibility: { kind: 'all' } }, sort: 'dueAt', order: 'asc', offset: 0, limit: 5000 }, lp)).rows.find((r) => r.id === id)?.light;
    expect(await lightOf(paramsAt(due))).toBe('yellow');
    expect(await lightOf(paramsAt(new Date(due.getTime() + 1)))).toBe('red');
    await expectSameLists(paramsAt(due));
    await expectSameLists(paramsAt(new Date(due.getTime() + 1)));
    // An item due exactly at the yellow date's Shanghai midnight is green, one due a millisecond earlier yellow.
    const yellowDate = addDays(shanghaiDate(new Date()), 6);
    const midnight = new Date(`${yellowDate}T00:00:00+08:00`);
    await db.ds.query(
      `UPDATE tasks SET due_at = $1, status = 'in_progress', progress = 100 WHERE id = (SELECT id FROM tasks WHERE status = 'assigned' ORDER BY id LIMIT 1)`,
      [midnight],
    );
    await db.ds.query(
      `UPDATE tasks SET due_at = $1, status = 'in_progress', progress = 100 WHERE id = (SELECT id FROM tasks WHERE status = 'acknowledged' ORDER BY id LIMIT 1)`,
      [new Date(midnight.getTime() - 1)],
    );
    const lp = { now: new Date(), yellowBefore: yellowDate, progressSlack: 10 };
    const lights = (await repo.list({ scope: { visibility: { kind: 'all' } }, sort: 'dueAt', order: 'asc', offset: 0, limit: 5000 }, lp)).rows
      .filter((r) => Math.abs(r.dueAt.getTime() - midnight.getTime()) <= 1 && r.progress === 100)
      .map((r) => [r.dueAt.getTime() - midnight.getTime(), r.light]);
    expect(lights).toEqual([
      [-1, 'yellow'],
      [0, 'green'],
    ]);
    await expectSameLists(lp);
    await expectSameLists({ ...lp, yellowBefore: addDays(yellowDate, 1) });
  }, 600_000);

  it('counts total from the report counts: across a month start and the horizon, at a behind-schedule crossing, at another slack', async () => {
    // The counted path answers the single filters over every item, one plan and a unit's items.
    const everyone = { visibility: { kind: 'all' } } as const;
    const lp = paramsAt(new Date());
    for (const scope of [everyone, { ...everyone, planId: plans[0] }, { visibility: { kind: 'unit', unitId: units[1] } } as TaskScope]) {
      for (const [name, filter] of TOTAL_FILTERS.filter(([, f]) => Object.keys(f).length <= 1 && !f.q && f.extensionPending === undefined)) {
        const sql = countedTotalSql({ scope, ...filter, sort: 'dueAt', order: 'asc', offset: 0, limit: 20 }, lp, [], '');
        expect({ name, counted: sql !== null }).toEqual({ name, counted: true });
      }
    }
    // A light or overdue filter over every item or a plan reads this month and next from the deadline-day counts.
    for (const scope of [everyone, { ...everyone, planId: plans[0] }]) {
      for (const filter of [{ light: 'yellow' }, { light: 'green' }, { overdue: false }] as Filter[]) {
        const text = countedTotalSql({ scope, ...filter, sort: 'dueAt', order: 'asc', offset: 0, limit: 20 }, lp, [], '')!.compile().text;
        expect({ filter, days: text.includes('report_due_days') }).toEqual({ filter, days: true });
      }
    }
    // Working items due at the next Shanghai month's start, a millisecond before it, and at the start
    // of the month after (the horizon of a clock at that start) and a millisecond before that.
    const next = (date: string) => (date.slice(5, 7) === '12' ? `${Number(date.slice(0, 4)) + 1}-01` : `${date.slice(0, 5)}${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}`);
    const month = next(shanghaiDate(new Date()));
    const start = new Date(`${month}-01T00:00:00+08:00`);
    const horizon = new Date(`${next(`${month}-01`)}-01T00:00:00+08:00`);
    const edges = [new Date(start.getTime() - 1), start, new Date(horizon.getTime() - 1), horizon];
    for (const [i, due] of edges.entries()) {
      await db.ds.query(
        `UPDATE tasks SET due_at = $1, status = 'in_progress', progress = 50 WHERE id = (SELECT id FROM tasks WHERE status = 'assigned' AND progress < 100 ORDER BY id OFFSET $2 LIMIT 1)`,
        [due, 3 + i],
      );
    }
    for (const now of [new Date(start.getTime() - 1), start, new Date(start.getTime() + 1)]) await expectSameLists(paramsAt(now), 'totals');
    // An item past the horizon that falls behind schedule exactly at a clock 20 days ahead: created 50
    // days before that clock, due 50 days after, progress 40 (+ slack 10 = half the span). Green at
    // the crossing, yellow a millisecond later; that week is the one read row by row.
    const crossing = new Date(Math.floor(Date.now() / 1000) * 1000 + 20 * DAY);
    const [{ id }] = (await db.ds.query(`SELECT id FROM tasks WHERE status = 'acknowledged' ORDER BY id OFFSET 5 LIMIT 1`)) as { id: string }[];
    await db.ds.query(`UPDATE tasks SET created_at = $2, due_at = $3, progress = 40, status = 'in_progress' WHERE id = $1`, [
      id,
      new Date(crossing.getTime() - 50 * DAY),
      new Date(crossing.getTime() + 50 * DAY),
    ]);
    const lightOf = async (at: LightParams) =>
      (await repo.list({ scope: everyone, sort: 'dueAt', order: 'asc', offset: 0, limit: 5000 }, at)).rows.find((r) => r.id === id)?.light;
    expect(await lightOf(paramsAt(crossing))).toBe('green');
    expect(await lightOf(paramsAt(new Date(crossing.getTime() + 1)))).toBe('yellow');
    await expectSameLists(paramsAt(crossing), 'totals');
    await expectSameLists(paramsAt(new Date(crossing.getTime() + 1)), 'totals');
    // Another slack than the behind-schedule counts were built for: every such row is read.
    await expectSameLists({ ...paramsAt(new Date()), progressSlack: 15 }, 'totals');
    await expectSameLists({ ...paramsAt(new Date(crossing.getTime() + 1)), progressSlack: 0 }, 'totals');
  }, 600_000);
});
