// The appraisal with this month's items not done from report_appraisal_days (migration 1736630000000)
// and its acknowledgement deadlines from the per-calendar table (ack-window.ts) equals the appraisal
// from the items (test/reports/reference) at every Shanghai midnight for seven weeks (so the clock's
// day moves across every deadline of two month ends), with items crossing their counted deadline while
// the test runs, clocks going back and forth over one cached table, an assignment older than the
// table, and a change of the working-day calendar. The units report, whose this-month overdue items
// come from report_unit_days (1736650000000) the same way, is compared at every one of those clocks too.
import { DataSource } from 'typeorm';
import { HolidayCalendar } from '@app/domain';
import { ackDueFor } from '../../apps/api/src/reports/ack-due';
import { AckDue, appraisalReport } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { ReportClock, ReportScope, RunSql, runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { openTestDatabase } from '../support/database';
import { appraisalDaysDrift, rowsAroundTruncate, unitDaysDrift } from './counts-drift';
import { appraisalReport as appraisalBefore } from './reference/appraisal.report';
import { unitsReport } from '../../libs/persistence/src/repositories/reports/units.report';
import { unitsReport as unitsBefore } from './reference/units.report';

const DAY = 86_400_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const clockAt = (now: Date): ReportClock => ({ now, today: shanghaiDate(now), yellowBefore: addDays(shanghaiDate(now), 4), progressSlack: 10 });
const midnightOf = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** The service's deadlines (acknowledgementDueAt, 3 working days, 18:00) on a calendar with the given holidays. */
const calendarWith = (holidays: string[]) =>
  new HolidayCalendar(holidays.map((date) => ({ date, kind: 'holiday' as const, name: '假', source: 'test' })));
/** The same rule through a function of its own, so the reference reads no table the report cached. */
const fresh =
  (calendar: HolidayCalendar, workdays = 3, endOfDay = '18:00' as const): AckDue =>
  (from, to) =>
    ackDueFor(calendar, workdays, endOfDay)(from, to);

let db: { ds: DataSource; close(): Promise<void> };
let run: RunSql;
let units: string[];
let plans: string[];

/**
 * 900 items over 2 plans and 3 units: counted deadlines every ~2 h 40 min from 40 days ago to 60 days
 * on (extensions approved in time move the counted deadline, late ones do not), every status,
 * completions before and after; lead, responsible and assisting parts created 1–20 days before,
 * acknowledged early, late or not at all.
 */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 3) i`);
  await ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash)
                  SELECT '计划' || i, 2026, date '2025-01-01', date '2027-12-31', 'ad-' || i FROM generate_series(1, 2) i`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, progress, created_at, completed_at, extension_approved_at)
     SELECT p.ids[1 + i % 2], 'A' || lpad(i::text, 4, '0'), '事项' || i, d.due,
            d.due + CASE WHEN i % 5 = 0 THEN interval '3 days' ELSE interval '0' END,
            (ARRAY['assigned','acknowledged','in_progress','submitted','returned','completed','in_progress','suspended','cancelled','completed'])[1 + i % 10],
            (i * 17) % 101, d.due - (20 + i % 30) * interval '1 day',
            CASE WHEN i % 10 IN (5, 9) THEN d.due + ((i % 7) - 3) * interval '10 hours' END,
            CASE WHEN i % 5 = 0 THEN d.due + CASE WHEN i % 3 = 0 THEN interval '2 hours' ELSE interval '-2 hours' END END
       FROM generate_series(1, 900) i CROSS JOIN p
       CROSS JOIN LATERAL (SELECT now() + (i * 160 - 57600) * interval '1 minute' AS due) d`,
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, acknowledged_at, created_at)
     SELECT t.id, u.ids[1 + (n + r.shift) % 3], r.role,
            CASE WHEN n % 4 <> 0 THEN t.created_at + (n % 9) * interval '13 hours' END, t.created_at - (n % 20) * interval '1 day'
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY code) AS n FROM tasks) t CROSS JOIN u
       CROSS JOIN (VALUES ('lead', 0), ('responsible', 1), ('assisting', 2)) AS r(role, shift)
      WHERE r.role = 'lead' OR n % r.shift = 0`,
  );
}

function scopes(): [string, ReportScope][] {
  const all = { kind: 'all' } as const;
  return [
    ['everything', { visibility: all }],
    ['a unit sees its items', { visibility: { kind: 'unit', unitId: units[0] } }],
    ['unitId filter', { visibility: all, unitId: units[2] }],
    ['one plan (the per-item path)', { visibility: all, planId: plans[1] }],
  ];
}

async function expectSame(now: Date, ackDue: AckDue, reference: AckDue = ackDue): Promise<void> {
  for (const [name, s] of scopes()) {
    const label = `${name} at ${now.toISOString()}`;
    expect({ label, r: await appraisalReport(run, s, clockAt(now), ackDue) }).toEqual({ label, r: await appraisalBefore(run, s, clockAt(now), reference) });
    const page = { sort: 'overdue' as const, order: 'desc' as const, offset: 0, limit: 50 };
    expect({ label, units: await unitsReport(run, s, clockAt(now), page) }).toEqual({ label, units: await unitsBefore(run, s, clockAt(now), page) });
  }
}

const everything = { visibility: { kind: 'all' } } as const;
const totals = async (now: Date, ackDue: AckDue) => {
  const rows = await appraisalReport(run, everything, clockAt(now), ackDue);
  return { late: rows.reduce((n, r) => n + r.late, 0), lateAcks: rows.reduce((n, r) => n + r.lateAcknowledgements, 0) };
};

beforeAll(async () => {
  db = await openTestDatabase();
  run = runOn(db.ds);
  await seed(db.ds);
  units = ((await db.ds.query(`SELECT id FROM units ORDER BY code`)) as { id: string }[]).map((r) => r.id);
  plans = ((await db.ds.query(`SELECT id FROM plans ORDER BY title`)) as { id: string }[]).map((r) => r.id);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

describe('the appraisal from the deadline days and the cached acknowledgement table', () => {
  it('equals the items at every Shanghai midnight for seven weeks, clocks going forth and back on one table', async () => {
    expect(await appraisalDaysDrift(db.ds)).toEqual([]);
    expect(await unitDaysDrift(db.ds)).toEqual([]);
    const ackDue = ackDueFor(calendarWith([]), 3, '18:00');
    const start = addDays(shanghaiDate(new Date()), -24);
    const days = Array.from({ length: 49 }, (_, i) => addDays(start, i));
    // Forth, then back, then forth again: the table grows at both ends and is read across.
    for (const d of [...days.slice(24), ...days.slice(0, 24).reverse()]) {
      const m = midnightOf(d);
      for (const now of [new Date(m.getTime() - 1), m, new Date(m.getTime() + 13 * 3600_000)]) await expectSame(now, ackDue, fresh(calendarWith([])));
    }
    // Not vacuous: the clock's month holds items not done on both sides of the clock, late and not.
    const mid = midnightOf(addDays(shanghaiDate(new Date()), 1));
    const [{ before, after }] = (await db.ds.query(
      `SELECT count(*) FILTER (WHERE due_at < $1)::int AS before, count(*) FILTER (WHERE due_at >= $1)::int AS after FROM tasks
        WHERE completed_at IS NULL AND status <> 'cancelled' AND date_trunc('month', due_at AT TIME ZONE 'Asia/Shanghai') = date_trunc('month', $1::timestamptz AT TIME ZONE 'Asia/Shanghai')`,
      [mid],
    )) as { before: number; after: number }[];
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    expect((await totals(mid, ackDue)).lateAcks).toBeGreaterThan(0);
  }, 240_000);

  it('items crossing their counted deadline now: late in both, by the same count', async () => {
    const ackDue = ackDueFor(calendarWith([]), 3, '18:00');
    // Two items not done (one extended in time, whose counted deadline is the extended one) move to 2 s from now.
    await db.ds.query(`UPDATE tasks SET status = 'in_progress', completed_at = NULL, extension_approved_at = NULL,
                                        original_due_at = now() + interval '2 seconds', due_at = now() + interval '2 seconds' WHERE code = 'A0101'`);
    await db.ds.query(`UPDATE tasks SET status = 'acknowledged', completed_at = NULL, original_due_at = now() - interval '1 day',
                                        extension_approved_at = now() - interval '2 days', due_at = now() + interval '2 seconds' WHERE code = 'A0102'`);
    expect(await appraisalDaysDrift(db.ds)).toEqual([]);
    expect(await unitDaysDrift(db.ds)).toEqual([]);
    const [{ due }] = (await db.ds.query(`SELECT due_at AS due FROM tasks WHERE code = 'A0101'`)) as { due: Date }[];
    const [{ parts }] = (await db.ds.query(
      `SELECT count(*)::int AS parts FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE t.code IN ('A0101', 'A0102') AND a.role IN ('lead', 'responsible')`,
    )) as { parts: number }[];
    const before = new Date(due.getTime() - 1000);
    const after = new Date(due.getTime() + 1000);
    await expectSame(before, ackDue);
    await expectSame(due, ackDue);
    await expectSame(after, ackDue);
    expect((await totals(after, ackDue)).late - (await totals(before, ackDue)).late).toBe(parts);
  }, 60_000);

  it('an assignment older than the cached table: the statement sees it and the table grows', async () => {
    const ackDue = ackDueFor(calendarWith(['2020-01-02']), 3, '18:00');
    const now = new Date();
    await expectSame(now, ackDue);
    // Created 300 days before every other assignment, never acknowledged: late (its deadline long passed).
    await db.ds.query(
      `INSERT INTO assignments (task_id, unit_id, role, created_at)
       SELECT t.id, $1, 'responsible', (SELECT min(created_at) FROM assignments) - interval '300 days' FROM tasks t
        WHERE t.code = 'A0203' AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id AND a.unit_id = $1)`,
      [units[1]],
    );
    const [{ status }] = (await db.ds.query(`SELECT status FROM tasks WHERE code = 'A0203'`)) as { status: string }[];
    expect(status).not.toBe('cancelled');
    await expectSame(now, ackDue);
    await expectSame(new Date(now.getTime() - 20 * DAY), ackDue);
    expect(await appraisalDaysDrift(db.ds)).toEqual([]);
    expect(await unitDaysDrift(db.ds)).toEqual([]);
  }, 60_000);

  it('a changed working-day calendar is a new table: the deadlines follow it', async () => {
    const now = new Date();
    const before = calendarWith([]);
    const old = ackDueFor(before, 3, '18:00');
    expect(ackDueFor(before, 3, '18:00')).toBe(old);
    await expectSame(now, old);
    // A revision (WorkCalendarRepository builds a new calendar object): thirty days of holiday among the assignment dates.
    const [{ first }] = (await db.ds.query(`SELECT (min(created_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS first FROM assignments WHERE created_at > now() - interval '90 days'`)) as { first: string }[];
    const holidays = Array.from({ length: 30 }, (_, i) => addDays(first, 10 + i));
    const changed = ackDueFor(calendarWith(holidays), 3, '18:00');
    expect(changed).not.toBe(old);
    await expectSame(now, changed, fresh(calendarWith(holidays)));
    // Not vacuous: the holidays move deadlines, and so the late acknowledgements.
    expect((await totals(now, changed)).lateAcks).not.toBe((await totals(now, old)).lateAcks);
    // Other rules (ACK_WORKDAYS, DUE_TIME) on the same calendar are tables of their own.
    expect(ackDueFor(before, 2, '18:00')).not.toBe(old);
    await expectSame(now, ackDueFor(before, 2, '17:30'), (from, to) => ackDueFor(before, 2, '17:30')(from, to));
  }, 60_000);

  it('the day counts follow every write, and TRUNCATE empties them', async () => {
    await db.ds.query(`UPDATE tasks SET status = 'completed', completed_at = now() - interval '3 hours' WHERE code ~ '2$' AND status <> 'completed'`);
    await db.ds.query(`UPDATE tasks SET completed_at = NULL, status = 'returned' WHERE code ~ '19$'`);
    await db.ds.query(`UPDATE tasks SET due_at = due_at + interval '9 days', extension_approved_at = original_due_at - interval '1 hour' WHERE code ~ '4$'`);
    await db.ds.query(`UPDATE tasks SET extension_approved_at = original_due_at + interval '1 hour' WHERE code ~ '8$'`);
    await db.ds.query(`UPDATE tasks SET original_due_at = original_due_at - interval '5 days' WHERE code ~ '7$'`);
    await db.ds.query(`UPDATE tasks SET status = 'cancelled' WHERE code ~ '6$'`);
    await db.ds.query(`UPDATE tasks SET status = 'in_progress' WHERE status = 'cancelled' AND code ~ '[79]$'`);
    await db.ds.query(`UPDATE tasks SET progress = (progress + 30) % 101`);
    // Submitted by the deadline (out of the units' overdue-able items) and after it (still in).
    await db.ds.query(`UPDATE tasks SET status = 'submitted', submitted_at = due_at - interval '1 hour' WHERE code ~ '13$' AND completed_at IS NULL`);
    await db.ds.query(`UPDATE tasks SET status = 'submitted', submitted_at = due_at + interval '1 hour' WHERE code ~ '31$' AND completed_at IS NULL`);
    await db.ds.query(`UPDATE tasks SET submitted_at = due_at + interval '2 hours' WHERE code ~ '[0-9]13$' AND code ~ '[05]13$'`);
    await db.ds.query(`DELETE FROM tasks WHERE code ~ '5$'`);
    await db.ds.query(`DELETE FROM assignments WHERE role = 'responsible' AND unit_id = $1`, [units[2]]);
    await db.ds.query(`UPDATE assignments SET role = 'responsible' WHERE role = 'assisting' AND task_id IN (SELECT id FROM tasks WHERE code ~ '0$')`);
    await db.ds.query(`UPDATE assignments SET unit_id = $1 WHERE role = 'lead' AND unit_id = $2`, [units[2], units[1]]);
    expect(await appraisalDaysDrift(db.ds)).toEqual([]);
    expect(await unitDaysDrift(db.ds)).toEqual([]);
    const ackDue = ackDueFor(calendarWith([]), 3, '18:00');
    for (const now of [new Date(), new Date(Date.now() - 11 * DAY), new Date(Date.now() + 17 * DAY)]) await expectSame(now, ackDue);
    const { before, after } = await rowsAroundTruncate(db.ds, ['report_appraisal_days', 'report_unit_days']);
    expect(before.report_appraisal_days).toBeGreaterThan(0);
    expect(before.report_unit_days).toBeGreaterThan(0);
    expect(after).toEqual({ report_appraisal_days: 0, report_unit_days: 0 });
  }, 120_000);
});
