// The reports read from the report counts (migration 1734000000000) return exactly what the SQL
// before them returned (test/reports/reference), on a seeded set with deadlines in every month
// around now, in every scope, at clocks on both sides of an item's deadline and of a month's end.
import { DataSource } from 'typeorm';
import { sql } from '@app/persistence';
import { AckDue, AckWindow, appraisalReport, AppraisalRow, syncAckDeadlines } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { syncUnitRollup } from '../../libs/persistence/src/repositories/reports/unit-rollup';
import { ReportClock, ReportScope, RunSql, runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { overdueReport } from '../../libs/persistence/src/repositories/reports/overdue.report';
import { peopleReport } from '../../libs/persistence/src/repositories/reports/people.report';
import { indicatorsReport } from '../../libs/persistence/src/repositories/reports/indicators.report';
import { trendReport } from '../../libs/persistence/src/repositories/reports/trend.report';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { UNIT_SORT_KEYS, UnitSortKey, unitsReport } from '../../libs/persistence/src/repositories/reports/units.report';
import { derivedColumnsSql, overdueCountSql } from '../../libs/persistence/src/repositories/task.repository';
import { scopeClauses } from '../../libs/persistence/src/repositories/task-scope';
import { openTestDatabase } from '../support/database';
import { ackCountsDrift, appraisalDaysDrift, unitDaysDrift, behindCountsDrift, countsDrift, dueDaysDrift, indicatorTargetsDrift, lateAcksDrift, noticeCountsDrift, rowsAroundTruncate, trendCountsDrift, unitClassesDrift, unitRollupDrift } from './counts-drift';
import { appraisalReport as appraisalBefore } from './reference/appraisal.report';
import { overdueReport as overdueBefore } from './reference/overdue.report';
import { peopleReport as peopleBefore } from './reference/people.report';
import { indicatorsReport as indicatorsBefore } from './reference/indicators.report';
import { trendReport as trendBefore } from './reference/trend.report';
import { summaryReport as summaryBefore } from './reference/summary.report';
import { unitsReport as unitsBefore } from './reference/units.report';

const DAY = 86_400_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const clockAt = (now: Date): ReportClock => ({ now, today: shanghaiDate(now), yellowBefore: addDays(shanghaiDate(now), 4), progressSlack: 10 });
/** Acknowledgement due two days after the assignment date, at `time` Shanghai (the shape of acknowledgementDueAt). */
const ackDueAt =
  (time: string): AckDue =>
  (from, to) => {
    const out: { date: string; dueAt: Date }[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, dueAt: new Date(`${addDays(d, 2)}T${time}+08:00`) });
    return out;
  };
/** At 18:00, the default DUE_TIME (report_ack_counts counts that time of day). */
const ackDue = ackDueAt('18:00:00');

let db: { ds: DataSource; close(): Promise<void> };
let run: RunSql;
let units: string[];
let plans: string[];

/** Rebuilds the kept counts as the API does (in a transaction), noting each window's fingerprint and each month. */
const syncs: string[] = [];
const rollups: string[] = [];
const sync = {
  ackDeadlines: async (w: AckWindow) => {
    syncs.push(w.fingerprint ?? '');
    await db.ds.transaction((m) => syncAckDeadlines(runOn(m), w));
  },
  unitRollup: async (month: string) => {
    rollups.push(month);
    await db.ds.transaction((m) => syncUnitRollup(runOn(m), month));
  },
};

/** Runs `read` in a transaction, rolled back afterwards, where the kept counts are for another window and month. */
async function withCountsElsewhere<T>(read: (run: RunSql) => Promise<T>): Promise<T> {
  const qr = db.ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  try {
    await qr.query(`UPDATE ack_deadline_sync SET fingerprint = 'another window'`);
    await qr.query(`UPDATE report_unit_rollup_month SET month = date '1999-01-01'`);
    return await read(runOn(qr));
  } finally {
    await qr.rollbackTransaction();
    await qr.release();
  }
}

/**
 * Runs `write` (it must change rows) in a transaction left open, starts `rebuild`, waits until the
 * rebuild waits for the lock the writer holds on `table`, then commits and lets the rebuild finish.
 */
async function rebuildBehindWriter(write: string, table: string, rebuild: () => Promise<unknown>): Promise<void> {
  const writer = db.ds.createQueryRunner();
  await writer.connect();
  await writer.startTransaction();
  try {
    const changed = await writer.query(write);
    expect(changed[1]).toBeGreaterThan(0);
    const rebuilt = rebuild();
    for (;;) {
      const [{ waiting }] = await db.ds.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = $1::regclass AND NOT granted`, [table]);
      if (waiting > 0) break;
      await new Promise((r) => setImmediate(r));
    }
    await writer.commitTransaction();
    await rebuilt;
  } finally {
    if (writer.isTransactionActive) await writer.rollbackTransaction();
    await writer.release();
  }
}

/**
 * The appraisal both ways: from the late-acknowledgement count and the unit-class rollup rebuilt for
 * this window and month (the second call asks for no rebuild, so it read them), and key by key and
 * month by month, as when they are for another window and month.
 */
async function appraisalBothWays(s: ReportScope, c: ReportClock, due: AckDue): Promise<{ counted: AppraisalRow[]; keyByKey: AppraisalRow[] }> {
  await appraisalReport(run, s, c, due, sync);
  const before = [syncs.length, rollups.length];
  const counted = await appraisalReport(run, s, c, due, sync);
  expect([syncs.length, rollups.length]).toEqual(before);
  return { counted, keyByKey: await withCountsElsewhere((r) => appraisalReport(r, s, c, due)) };
}

/** The units report both ways: from the rollup rebuilt for the clock's month, and month by month. */
async function unitsBothWays(s: ReportScope, c: ReportClock, o: { sort: UnitSortKey; order: 'asc' | 'desc'; offset: number; limit: number }) {
  await unitsReport(run, s, c, o, sync.unitRollup);
  const before = rollups.length;
  const rolledUp = await unitsReport(run, s, c, o, sync.unitRollup);
  expect(rollups.length).toBe(before);
  return { rolledUp, monthByMonth: await withCountsElsewhere((r) => unitsReport(r, s, c, o)) };
}

/**
 * 1 200 items over 3 plans and 6 units, every status, deadlines every ~9 hours from 14 months ago
 * to 14 months ahead (so this month, the next ones and the far future all hold items), extensions
 * in and out of time, submissions before and after the deadline, acknowledgements early, late and missing.
 */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 6) i`);
  await ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash)
                  SELECT '计划' || i, 2026, date '2025-01-01', date '2027-12-31', 'eq-' || i FROM generate_series(1, 3) i`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, progress, created_at, submitted_at, completed_at,
                        extension_approved_at, last_progress_at)
     SELECT p.ids[1 + i % 3], 'T' || lpad(i::text, 4, '0'), '事项' || i,
            now() + (i * 9 - 5400) * interval '1 hour',
            now() + (i * 9 - 5400 + CASE WHEN i % 7 = 0 THEN 500 ELSE 0 END) * interval '1 hour',
            (ARRAY['assigned','acknowledged','in_progress','submitted','returned','completed','completed','in_progress','suspended','cancelled','submitted'])[1 + i % 11],
            (i * 13) % 101,
            now() - (400 + i % 50) * interval '1 day',
            CASE WHEN i % 11 IN (3, 5, 6, 10) THEN now() + (i * 9 - 5400 + (i % 5 - 2) * 30) * interval '1 hour' END,
            CASE WHEN i % 11 IN (5, 6) THEN now() + (i * 9 - 5400 + (i % 9 - 4) * 40) * interval '1 hour' END,
            CASE WHEN i % 7 = 0 THEN now() + (i * 9 - 5400 + CASE WHEN i % 2 = 0 THEN -100 ELSE 100 END) * interval '1 hour' END,
            now() - (i % 90) * interval '1 day'
       FROM generate_series(1, 1200) i CROSS JOIN p`,
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, acknowledged_at, last_progress_at, created_at)
     SELECT t.id, u.ids[1 + ((n + r.shift) % 6)], r.role,
            CASE WHEN n % 4 <> 0 THEN t.created_at + (n % 5) * interval '20 hours' END,
            t.last_progress_at - r.shift * interval '1 hour', t.created_at + (n % 3) * interval '1 day'
       FROM (SELECT id, created_at, last_progress_at, row_number() OVER (ORDER BY code) AS n FROM tasks) t
       CROSS JOIN u CROSS JOIN LATERAL (VALUES ('lead', 0), ('responsible', 2), ('assisting', 4)) AS r(role, shift)
      WHERE r.role = 'lead' OR (r.role = 'responsible' AND n % 2 = 0) OR (r.role = 'assisting' AND n % 3 = 0)`,
  );
  await ds.query(
    `INSERT INTO reminders (key, task_id, unit_id, kind, audience, reason, notice_level, channels, due_at, state, sent_at)
     SELECT 'k' || t.id || lv.kind || lv.reason, t.id, a.unit_id, lv.kind, 'unit_head', lv.reason, lv.level, '{inbox}', t.due_at, 'sent', t.due_at
       FROM tasks t JOIN assignments a ON a.task_id = t.id AND a.role = 'lead'
       CROSS JOIN (VALUES ('yellow', 'urge', 'deadline'), ('red', 'escalate', 'deadline'), ('blue', 'urge', 'progress_cycle')) AS lv(level, kind, reason)
      WHERE t.due_at < now() AND t.code ~ '[37]$'`,
  );
  // People (承办人): three per unit (one inactive) and one without a unit; some parts named (分办), the
  // rest owned by their last reporter, who is sometimes a person of another unit.
  await ds.query(`INSERT INTO users (username, display_name, password_hash, unit_id, active)
                  SELECT 'p' || u.code || '_' || k, '人' || u.code || k, 'x', u.id, k <> 3 FROM units u CROSS JOIN generate_series(1, 3) k
                  UNION ALL SELECT 'nobody', '无单位', 'x', NULL, true`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY username) AS ids FROM users WHERE unit_id IS NOT NULL)
     UPDATE assignments a SET assignee_id = p.ids[1 + (abs(hashtext(a.task_id::text || a.role)) % 18)] FROM p
      WHERE abs(hashtext(a.task_id::text || a.role)) % 3 = 0`,
  );
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY username) AS ids FROM users)
     INSERT INTO progress_reports (task_id, unit_id, author_id, percent, note, created_at)
     SELECT a.task_id, a.unit_id, CASE WHEN k = 3 THEN NULL ELSE p.ids[1 + (abs(hashtext(a.task_id::text || a.role || k)) % 19)] END,
            10 * k, '进展' || k, now() - (abs(hashtext(a.task_id::text)) % 300) * interval '1 hour' + k * interval '1 day'
       FROM assignments a CROSS JOIN p CROSS JOIN generate_series(1, 3) k
      WHERE abs(hashtext(a.task_id::text || a.unit_id::text)) % 4 <> 0 AND (k < 3 OR a.role = 'lead')`,
  );
  await ds.query(
    `INSERT INTO notifications (reminder_id, user_id, unit_id, task_id, channel, recipient, subject, body, notice_level)
     SELECT r.id, usr.id, r.unit_id, r.task_id, ch, usr.username, 's', 'b', r.notice_level
       FROM reminders r JOIN users usr ON usr.unit_id = r.unit_id CROSS JOIN (VALUES ('inbox'), ('email')) AS c(ch)
      WHERE usr.username ~ '_[12]$'`,
  );
  // Indicators (指标): on a fifth of the items (both comparators, some with their own deadline) and two
  // targets per plan, with values in the progress reports.
  await ds.query(
    `UPDATE tasks SET indicators = jsonb_build_array(
       jsonb_build_object('name', '指标A', 'value', 40 + (substr(code, 2)::int % 3) * 20, 'unit', '个',
                          'comparator', CASE WHEN code ~ '0$' THEN '<=' ELSE '>=' END,
                          'deadline', CASE WHEN code ~ '[05]0$' THEN to_char(due_at + interval '9 days', 'YYYY-MM-DD') END))
      WHERE code ~ '[05]$'`,
  );
  await ds.query(
    `INSERT INTO plan_targets (plan_id, code, text, indicators)
     SELECT p.id, 'g' || g, '目标' || g,
            jsonb_build_array(jsonb_build_object('name', CASE WHEN g = 1 THEN '指标A' ELSE '指标P' END, 'value', 30 * g, 'unit', '项', 'comparator', '>=', 'deadline', null))
       FROM plans p CROSS JOIN generate_series(1, 2) g`,
  );
  await ds.query(
    `UPDATE progress_reports SET indicator_values = jsonb_build_array(jsonb_build_object('name', '指标A', 'value', percent),
                                                                      jsonb_build_object('name', '指标P', 'value', percent / 2))
      WHERE abs(hashtext(id::text)) % 3 <> 0`,
  );
}

function scopes(): [string, ReportScope][] {
  const all = { kind: 'all' } as const;
  const unit = (i: number) => ({ kind: 'unit', unitId: units[i] }) as const;
  return [
    ['everything', { visibility: all }],
    ['one plan', { visibility: all, planId: plans[1] }],
    ['a unit sees its items', { visibility: unit(0) }],
    ['unitId filter', { visibility: all, unitId: units[2] }],
    ['a unit asking for itself', { visibility: unit(3), unitId: units[3] }],
    ['a unit asking for another', { visibility: unit(3), unitId: units[4] }],
    ['a plan and a unit', { visibility: unit(1), planId: plans[0] }],
    ['a deadline window', { visibility: all, from: addDays(shanghaiDate(new Date()), -40), to: addDays(shanghaiDate(new Date()), 20) }],
    ['no visibility', { visibility: { kind: 'none' } }],
  ];
}

/** The behind-schedule rule as it was (through the rounded quotient), the reference for the cross-multiplied one. */
const BEHIND_BEFORE = `t.progress + lp.slack < 100 * (CASE WHEN t.due_at <= t.created_at THEN 1
  ELSE LEAST(1, GREATEST(0, EXTRACT(EPOCH FROM (lp.now - t.created_at)) / EXTRACT(EPOCH FROM (t.due_at - t.created_at)))) END)`;

async function expectSameReports(now: Date): Promise<void> {
  const c = clockAt(now);
  // Every item's light, as GET /tasks and the reports derive it, against the rule before (several slacks).
  const { light } = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack' });
  const lightBefore = light.replace(/WHEN \(CASE WHEN t\.due_at <= t\.created_at OR[\s\S]*? END\) THEN 'yellow'/, `WHEN ${BEHIND_BEFORE} THEN 'yellow'`);
  expect(lightBefore).not.toEqual(light);
  const [{ differ }] = await run<{ differ: number }>(sql`
      SELECT count(*) FILTER (WHERE ${sql.raw(light)} IS DISTINCT FROM ${sql.raw(lightBefore)})::int AS differ
        FROM tasks t CROSS JOIN (SELECT ${now}::timestamptz AS now, ${c.yellowBefore}::date AS yellow_before, slack FROM unnest(ARRAY[10, 0, 35]) AS slack) lp`);
  expect({ at: now.toISOString(), differ }).toEqual({ at: now.toISOString(), differ: 0 });
  for (const [name, s] of scopes()) {
    const label = `${name} at ${now.toISOString()}`;
    // GET /tasks?overdue=true counts its total from the report counts; before, it counted the rows.
    const [{ n }] = await run<{ n: number }>(overdueCountSql(s, now));
    const overdue = sql.raw(derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack' }).overdue);
    const [{ total }] = await run<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM tasks t CROSS JOIN (SELECT ${now}::timestamptz AS now) lp ${sql.where([...scopeClauses(s), overdue])}`,
    );
    expect({ label, overdueTotal: n }).toEqual({ label, overdueTotal: total });
    expect({ label, r: await summaryReport(run, s, c) }).toEqual({ label, r: await summaryBefore(run, s, c) });
    const appraisal = await appraisalBefore(run, s, c, ackDue);
    expect({ label, r: await appraisalBothWays(s, c, ackDue) }).toEqual({ label, r: { counted: appraisal, keyByKey: appraisal } });
    for (const sort of UNIT_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const o = { sort, order, offset: 0, limit: 50 };
        const reference = await unitsBefore(run, s, c, o);
        expect({ label, sort, order, r: await unitsBothWays(s, c, o) }).toEqual({ label, sort, order, r: { rolledUp: reference, monthByMonth: reference } });
      }
    }
    for (const page of [{ offset: 0, limit: 20 }, { offset: 20, limit: 20 }, { offset: 7, limit: 3 }, { offset: 5000, limit: 20 }]) {
      expect({ label, page, r: await overdueReport(run, s, c, page) }).toEqual({ label, page, r: await overdueBefore(run, s, c, page) });
    }
    // Trend windows: the last year to today (the default), and one reaching past the clock.
    for (const [interval, from, to] of [
      ['month', `${addDays(c.today, -365).slice(0, 7)}-01`, c.today],
      ['week', addDays(c.today, -60), addDays(c.today, 30)],
    ] as const) {
      const o = { interval, from, to };
      const ts = { ...s, from, to };
      expect({ label, o, r: await trendReport(run, ts, c, o) }).toEqual({ label, o, r: await trendBefore(run, ts, c, o) });
    }
    for (const page of [{ offset: 0, limit: 1000 }, { offset: 75, limit: 12 }, { offset: 5000, limit: 20 }]) {
      expect({ label, page, r: await indicatorsReport(run, s, c, page) }).toEqual({ label, page, r: await indicatorsBefore(run, s, c, page) });
    }
    for (const o of [{ offset: 0, limit: 50 }, { offset: 5, limit: 4 }, { offset: 3, limit: 4, unitId: units[2] }, { offset: 100, limit: 5 }]) {
      expect({ label, o, r: await peopleReport(run, s, c, o) }).toEqual({ label, o, r: await peopleBefore(run, s, c, o) });
    }
    for (const page of [{ offset: 2, limit: 3 }, { offset: 40, limit: 5 }]) {
      const o = { sort: 'overdue' as const, order: 'desc' as const, ...page };
      const reference = await unitsBefore(run, s, c, o);
      expect({ label, page, r: await unitsBothWays(s, c, o) }).toEqual({ label, page, r: { rolledUp: reference, monthByMonth: reference } });
    }
  }
}

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

describe('reports from the counts equal the reports from the items', () => {
  it('now, in every scope, every sort and page', async () => {
    await expectSameReports(new Date());
    // The people comparison is not vacuous: people own items (named and by last report), report and get notices.
    const { rows } = await peopleReport(run, { visibility: { kind: 'all' } }, clockAt(new Date()), { offset: 0, limit: 50 });
    expect(rows.filter((r) => r.items > 0 && r.reports > 0 && r.yellowNotices > 0 && r.overdue > 0).length).toBeGreaterThan(3);
    // And the indicators': item and plan targets, with and without a reported value.
    const { rows: targets } = await indicatorsReport(run, { visibility: { kind: 'all' } }, clockAt(new Date()), { offset: 0, limit: 1000 });
    expect(new Set(targets.map((t) => `${t.source} ${t.latestValue === null}`))).toEqual(new Set(['task true', 'task false', 'plan false']));
    // And the summary's: working items due past its horizon (two months on) are both behind schedule and not.
    const { light } = derivedColumnsSql({ now: 'now()', yellowBefore: 'current_date + 4', slack: '10' });
    const later = await run<{ light: string }>(sql`
        SELECT DISTINCT ${sql.raw(light)} AS light FROM tasks t
         WHERE t.status IN ('assigned', 'acknowledged', 'in_progress', 'returned') AND t.due_at > now() + interval '93 days'`);
    expect(later.map((r) => r.light).sort()).toEqual(['green', 'yellow']);
  }, 120_000);

  it('at the last and the first moment of a month, and a year on', async () => {
    const today = shanghaiDate(new Date());
    const firstOfNext = `${addDays(`${today.slice(0, 7)}-28`, 5).slice(0, 7)}-01`;
    const midnight = new Date(`${firstOfNext}T00:00:00+08:00`);
    await expectSameReports(new Date(midnight.getTime() - 1));
    await expectSameReports(midnight);
    await expectSameReports(new Date(Date.now() + 200 * DAY));
  }, 240_000);

  it('an item crossing its deadline now: overdue in both, by the same count', async () => {
    // The item's deadline is moved to 2 s from now (through the triggers); the clock is then read before and after it.
    await db.ds.query(
      `UPDATE tasks SET due_at = now() + interval '2 seconds', status = 'in_progress', submitted_at = NULL, completed_at = NULL WHERE code = 'T0601'`,
    );
    const [{ due }] = (await db.ds.query(`SELECT due_at AS due FROM tasks WHERE code = 'T0601'`)) as { due: Date }[];
    const before = new Date(due.getTime() - 1000);
    const after = new Date(due.getTime() + 1000);
    await expectSameReports(before);
    await expectSameReports(after);
    const all = { visibility: { kind: 'all' } } as const;
    const crossed = (await summaryReport(run, all, clockAt(after))).overdue - (await summaryReport(run, all, clockAt(before))).overdue;
    expect(crossed).toBe(1);
  }, 240_000);

  it('after updates, deletions and new assignments the counts still match a recount and the old SQL', async () => {
    // The late-acknowledgement count and the unit-class rollup kept by the triggers from here on, rebuilt for today.
    await appraisalBothWays({ visibility: { kind: 'all' } }, clockAt(new Date()), ackDue);
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM report_late_acks WHERE n > 0`))[0].n).toBeGreaterThan(2);
    expect((await db.ds.query(`SELECT count(DISTINCT side)::int AS n FROM report_unit_rollup`))[0].n).toBe(3);
    await db.ds.query(`UPDATE tasks SET status = 'completed', completed_at = now() - interval '3 hours' WHERE code ~ '2$' AND status <> 'completed'`);
    await db.ds.query(`UPDATE tasks SET status = 'submitted', submitted_at = due_at + interval '1 hour' WHERE code ~ '19$'`);
    await db.ds.query(`UPDATE tasks SET due_at = due_at + interval '40 days', extension_approved_at = original_due_at - interval '1 day' WHERE code ~ '4$'`);
    await db.ds.query(`UPDATE tasks SET progress = (progress + 30) % 101`);
    await db.ds.query(`DELETE FROM tasks WHERE code ~ '5$'`);
    await db.ds.query(`DELETE FROM assignments WHERE role = 'assisting' AND unit_id = $1`, [units[5]]);
    await db.ds.query(`UPDATE assignments SET unit_id = $1 WHERE role = 'assisting' AND unit_id = $2`, [units[5], units[4]]);
    await db.ds.query(
      `INSERT INTO assignments (task_id, unit_id, role, created_at)
       SELECT t.id, $1, 'assisting', now() FROM tasks t
        WHERE t.code ~ '8$' AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id AND a.unit_id = $1)`,
      [units[3]],
    );
    // Acknowledgements given, moved and withdrawn, items cancelled and revived, a part's role changed.
    // On the acknowledgement deadline's own date (ackDue: two days on, 18:00), just before and just after it.
    const onDeadlineDay = (at: string) => `(((created_at AT TIME ZONE 'Asia/Shanghai')::date + 2) + time '${at}') AT TIME ZONE 'Asia/Shanghai'`;
    await db.ds.query(`UPDATE assignments SET acknowledged_at = ${onDeadlineDay('17:59:59')} WHERE task_id IN (SELECT id FROM tasks WHERE code ~ '1$')`);
    await db.ds.query(`UPDATE assignments SET acknowledged_at = ${onDeadlineDay('18:00:01')} WHERE task_id IN (SELECT id FROM tasks WHERE code ~ '7$')`);
    // Exactly at the deadline (on time) and a microsecond after it (late): report_ack_counts' 18:00 flag.
    await db.ds.query(`UPDATE assignments SET acknowledged_at = ${onDeadlineDay('18:00:00')} WHERE task_id IN (SELECT id FROM tasks WHERE code ~ '9$')`);
    await db.ds.query(`UPDATE assignments SET acknowledged_at = ${onDeadlineDay('18:00:00.000001')} WHERE task_id IN (SELECT id FROM tasks WHERE code ~ '2$')`);
    await db.ds.query(`UPDATE assignments SET acknowledged_at = NULL WHERE task_id IN (SELECT id FROM tasks WHERE code ~ '3$')`);
    await db.ds.query(`UPDATE tasks SET status = 'cancelled' WHERE code ~ '6$'`);
    await db.ds.query(`UPDATE tasks SET status = 'in_progress' WHERE status = 'cancelled' AND code ~ '[79]$'`);
    await db.ds.query(`UPDATE assignments SET role = 'responsible' WHERE role = 'assisting' AND task_id IN (SELECT id FROM tasks WHERE code ~ '0$')`);
    expect(await countsDrift(db.ds)).toEqual([]);
    expect(await ackCountsDrift(db.ds)).toEqual([]);
    expect(await trendCountsDrift(db.ds)).toEqual([]);
    expect(await unitClassesDrift(db.ds)).toEqual([]);
    expect(await behindCountsDrift(db.ds)).toEqual([]);
    expect(await dueDaysDrift(db.ds)).toEqual([]);
    expect(await indicatorTargetsDrift(db.ds)).toEqual([]);
    expect(await noticeCountsDrift(db.ds)).toEqual([]);
    expect(await appraisalDaysDrift(db.ds)).toEqual([]);
    expect(await unitDaysDrift(db.ds)).toEqual([]);
    expect(await lateAcksDrift(db.ds)).toEqual([]);
    expect(await unitRollupDrift(db.ds)).toEqual([]);
    await expectSameReports(new Date());
    // A deadline at another time of day (another DUE_TIME): the deadline-day acknowledgements are read by row.
    const c = clockAt(new Date());
    for (const [name, s] of scopes()) {
      const label = `${name}, acknowledgements due at 17:59:59.5`;
      expect({ label, r: await appraisalReport(run, s, c, ackDueAt('17:59:59.5')) }).toEqual({ label, r: await appraisalBefore(run, s, c, ackDueAt('17:59:59.5')) });
    }
  }, 240_000);

  it('a changed acknowledgement deadline: read key by key once, then from the count rewritten for it', async () => {
    const all = { visibility: { kind: 'all' } } as const;
    const c = clockAt(new Date());
    const threeDays: AckDue = (from, to) => ackDue(from, to).map((r) => ({ date: r.date, dueAt: new Date(r.dueAt.getTime() + DAY) }));
    await appraisalBothWays(all, c, ackDue);
    const late = (rows: AppraisalRow[]) => rows.reduce((n, r) => n + r.lateAcknowledgements, 0);
    const twoDaysLate = late(await appraisalReport(run, all, c, ackDue));
    const before = syncs.length;
    const first = await appraisalReport(run, all, c, threeDays, sync);
    expect(syncs.length).toBe(before + 1);
    expect(first).toEqual(await appraisalBefore(run, all, c, threeDays));
    expect(await lateAcksDrift(db.ds)).toEqual([]);
    const { counted } = await appraisalBothWays(all, c, threeDays);
    expect(counted).toEqual(first);
    // Not vacuous: a day more to acknowledge makes fewer acknowledgements late.
    expect(late(first)).toBeGreaterThan(0);
    expect(late(first)).toBeLessThan(twoDaysLate);
  }, 60_000);

  it('a rewrite waits for a transaction acknowledging late, and the count includes it', async () => {
    const all = { visibility: { kind: 'all' } } as const;
    const c = clockAt(new Date());
    const threeDays: AckDue = (from, to) => ackDue(from, to).map((r) => ({ date: r.date, dueAt: new Date(r.dueAt.getTime() + DAY) }));
    await appraisalBothWays(all, c, threeDays);
    // Acknowledged ten days after assignment: late under either deadline.
    await rebuildBehindWriter(
      `UPDATE assignments SET acknowledged_at = created_at + interval '10 days' WHERE role = 'lead' AND task_id IN (SELECT id FROM tasks WHERE code ~ '3$' AND status <> 'cancelled')`,
      'report_ack_counts',
      () => appraisalReport(run, all, c, ackDue, sync),
    );
    expect(await lateAcksDrift(db.ds)).toEqual([]);
    const reference = await appraisalBefore(run, all, c, ackDue);
    expect(await appraisalBothWays(all, c, ackDue)).toEqual({ counted: reference, keyByKey: reference });
  }, 60_000);

  it('a rollup rebuilt for another month waits for a transaction changing item classes, and includes it', async () => {
    const all = { visibility: { kind: 'all' } } as const;
    const now = clockAt(new Date());
    const nextMonth = clockAt(new Date(Date.now() + 35 * DAY));
    await unitsBothWays(all, now, { sort: 'overdue', order: 'desc', offset: 0, limit: 50 });
    await rebuildBehindWriter(
      `UPDATE tasks SET status = 'completed', completed_at = due_at + interval '3 days' WHERE code ~ '1$' AND status IN ('assigned', 'in_progress')`,
      'report_unit_classes',
      () => unitsReport(run, all, nextMonth, { sort: 'overdue', order: 'desc', offset: 0, limit: 50 }, sync.unitRollup),
    );
    expect((await db.ds.query(`SELECT month::text AS month FROM report_unit_rollup_month`))[0].month).toBe(`${nextMonth.today.slice(0, 7)}-01`);
    expect(await unitRollupDrift(db.ds)).toEqual([]);
    const o = { sort: 'onTimeRate' as const, order: 'desc' as const, offset: 0, limit: 50 };
    const reference = await unitsBefore(run, all, nextMonth, o);
    expect(await unitsBothWays(all, nextMonth, o)).toEqual({ rolledUp: reference, monthByMonth: reference });
  }, 60_000);

  it('an item falling behind schedule now, past the horizon: yellow in both, by the same count', async () => {
    // Progress 40 + slack 10 is half the span, and the span's middle is 2 s from now: the rule's
    // crossing instant. Clocks just before and after it (the clock's own week, read by row) and a
    // week on (summed from report_behind_counts).
    await db.ds.query(
      `UPDATE tasks SET status = 'in_progress', progress = 40, submitted_at = NULL, completed_at = NULL,
                        due_at = now() + interval '100 days', created_at = now() - interval '100 days' + interval '4 seconds' WHERE code = 'T0602'`,
    );
    expect(await behindCountsDrift(db.ds)).toEqual([]);
    const [{ due }] = (await db.ds.query(`SELECT due_at AS due FROM tasks WHERE code = 'T0602'`)) as { due: Date }[];
    const crossing = new Date(due.getTime() - 100 * DAY + 2000);
    const all = { visibility: { kind: 'all' } } as const;
    const yellow = async (now: Date) => (await summaryReport(run, all, clockAt(now))).byLight.yellow;
    for (const now of [new Date(crossing.getTime() - 1), crossing, new Date(crossing.getTime() + 1), new Date(crossing.getTime() + 8 * DAY)]) {
      for (const [name, s] of scopes()) {
        const label = `${name} at ${now.toISOString()}`;
        expect({ label, r: await summaryReport(run, s, clockAt(now)) }).toEqual({ label, r: await summaryBefore(run, s, clockAt(now)) });
      }
    }
    expect((await yellow(new Date(crossing.getTime() + 1))) - (await yellow(crossing))).toBe(1);
  }, 120_000);

  it('the behind-schedule index expression needs nothing from the search path (autovacuum analyzes under its own)', async () => {
    const [{ schema }] = (await db.ds.query(`SELECT current_schema() AS schema`)) as { schema: string }[];
    const qr = db.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.query(`SET search_path TO pg_catalog`);
      await qr.query(`ANALYZE "${schema}".tasks`);
    } finally {
      await qr.query(`RESET search_path`);
      await qr.release();
    }
  });

  it('an emptied item table empties the counts (restore truncates)', async () => {
    await appraisalBothWays({ visibility: { kind: 'all' } }, clockAt(new Date()), ackDue);
    const tables = ['report_item_counts', 'report_unit_counts', 'report_ack_counts', 'report_trend_counts', 'report_unit_classes', 'report_behind_counts', 'report_notice_counts', 'report_due_days', 'report_appraisal_days', 'report_unit_days', 'report_late_acks', 'report_unit_rollup'];
    const { before, after } = await rowsAroundTruncate(db.ds, tables);
    expect(before.report_item_counts).toBeGreaterThan(0);
    expect(before.report_behind_counts).toBeGreaterThan(0);
    expect(before.report_late_acks).toBeGreaterThan(0);
    expect(before.report_unit_rollup).toBeGreaterThan(0);
    expect(after).toEqual(Object.fromEntries(tables.map((t) => [t, 0])));
  });
});
