// The appraisal's notices read from report_notice_counts (migration 1736610000000) equal those the
// SQL before the counts read from the sent reminders (test/reports/reference), through the reminder
// engine's own writes (claim, settle, cancel, retry) and plain SQL on the reminders and the items.
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@app/domain';
import { Db } from '@app/persistence';
import { AckDue, appraisalReport } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { ReportClock, ReportScope, RunSql, runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { ReminderRepository } from '../../libs/persistence/src/repositories/reminder.repository';
import { openTestDatabase } from '../support/database';
import { noticeCountsDrift, rowsAroundTruncate } from './counts-drift';
import { appraisalReport as appraisalBefore } from './reference/appraisal.report';

const now = new Date();
const clock: ReportClock = { now, today: shanghaiDate(now), yellowBefore: addDays(shanghaiDate(now), 4), progressSlack: 10 };
const ackDue: AckDue = (from, to) => {
  const out: { date: string; dueAt: Date }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, dueAt: new Date(`${addDays(d, 2)}T18:00:00+08:00`) });
  return out;
};

let db: { ds: DataSource; close(): Promise<void> };
let run: RunSql;
let units: string[];
let plans: string[];

/** 300 items over 2 plans and 4 units; each item's lead and responsible unit get reminders in every state, level, reason and kind. */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 4) i`);
  await ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash)
                  SELECT '计划' || i, 2026, date '2025-01-01', date '2027-12-31', 'nc-' || i FROM generate_series(1, 2) i`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, created_at)
     SELECT p.ids[1 + i % 2], 'T' || lpad(i::text, 3, '0'), '事项' || i, now() + (i - 150) * interval '1 day', now() + (i - 150) * interval '1 day',
            (ARRAY['assigned', 'in_progress', 'completed', 'cancelled'])[1 + i % 4], now() - interval '200 days'
       FROM generate_series(1, 300) i CROSS JOIN p`,
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, created_at)
     SELECT t.id, u.ids[1 + (n + r.shift) % 4], r.role, t.created_at
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY code) AS n FROM tasks) t CROSS JOIN u
       CROSS JOIN (VALUES ('lead', 0), ('responsible', 1)) AS r(role, shift)`,
  );
  await ds.query(
    `INSERT INTO reminders (key, task_id, unit_id, kind, audience, reason, notice_level, channels, due_at, state, sent_at)
     SELECT 'k' || t.code || a.role || lv.i, t.id, CASE WHEN lv.i = 5 THEN NULL ELSE a.unit_id END, lv.kind, 'unit_head', lv.reason, lv.level,
            '{inbox}', t.due_at, (ARRAY['sent', 'pending', 'sent', 'cancelled', 'sent', 'failed'])[1 + (substr(t.code, 2)::int + lv.i) % 6],
            t.due_at
       FROM tasks t JOIN assignments a ON a.task_id = t.id
       CROSS JOIN (VALUES (1, 'yellow', 'urge', 'deadline'), (2, 'red', 'escalate', 'deadline'), (3, 'blue', 'urge', 'progress_cycle'),
                          (4, 'yellow', 'urge', 'manual'), (5, 'red', 'escalate', 'deadline'), (6, 'blue', 'remind', 'progress_cycle')) AS lv(i, level, kind, reason)`,
  );
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

/** Every item (the counted path) and the scopes that filter items (read from the reminders, as before). */
const scopes = (): [string, ReportScope][] => [
  ['all', { visibility: { kind: 'all' } }],
  ['a unit sees its items', { visibility: { kind: 'unit', unitId: units[1] } }],
  ['one plan', { visibility: { kind: 'all' }, planId: plans[0] }],
];

async function expectSameAppraisal(step: string): Promise<void> {
  expect({ step, drift: await noticeCountsDrift(db.ds) }).toEqual({ step, drift: [] });
  for (const [name, s] of scopes()) {
    const label = `${step}: ${name}`;
    expect({ label, r: await appraisalReport(run, s, clock, ackDue) }).toEqual({ label, r: await appraisalBefore(run, s, clock, ackDue) });
  }
}

describe('the appraisal notices from report_notice_counts', () => {
  it('count every sent reminder once, per unit, after every kind of write', async () => {
    await expectSameAppraisal('seeded');
    const all = (await appraisalReport(run, { visibility: { kind: 'all' } }, clock, ackDue)).reduce((n, r) => n + r.yellowNotices + r.redNotices + r.lateProgressReports, 0);
    expect(all).toBeGreaterThan(0);

    // The delivery path: claimed (pending → sending), then settled sent, or failed, or released.
    const repo = new ReminderRepository(Db.standalone(db.ds));
    const ids = ((await db.ds.query(`SELECT id FROM reminders WHERE state = 'pending' AND unit_id IS NOT NULL ORDER BY id LIMIT 60`)) as { id: string }[]).map((r) => r.id);
    const claimed = (await repo.claimManyForDelivery(ids, 60_000)).flatMap((c) => (c ? [c.reminder] : []));
    expect(claimed).toHaveLength(60);
    await expectSameAppraisal('claimed');
    await repo.settleMany(
      claimed.map((claim, i) => ({
        claim,
        records: [],
        end: i % 3 === 0 ? { state: 'failed' as const, error: 'x' } : i % 3 === 1 ? { state: 'enqueued' as const, error: 'x' } : { state: 'sent' as const, late: false, recipients: 1 },
      })),
    );
    await expectSameAppraisal('settled');

    // Sent rows moved between units, levels and reasons, unsent, deleted; items deleted (cascade) and moved.
    await db.ds.query(`UPDATE reminders SET unit_id = $1 WHERE state = 'sent' AND key ~ '1$'`, [units[3]]);
    await db.ds.query(`UPDATE reminders SET notice_level = 'red', kind = 'escalate' WHERE state = 'sent' AND notice_level = 'yellow' AND key ~ 'lead4$'`);
    await db.ds.query(`UPDATE reminders SET reason = 'progress_cycle', kind = 'urge' WHERE state = 'sent' AND key ~ 'responsible6$'`);
    await db.ds.query(`UPDATE reminders SET unit_id = NULL WHERE state = 'sent' AND key ~ '2$' AND task_id IN (SELECT id FROM tasks WHERE code ~ '7$')`);
    await db.ds.query(`UPDATE reminders SET state = 'cancelled' WHERE state = 'sent' AND task_id IN (SELECT id FROM tasks WHERE code ~ '3$')`);
    await db.ds.query(`UPDATE reminders SET state = 'sent', sent_at = now() WHERE state = 'failed'`);
    await db.ds.query(`UPDATE reminders SET updated_at = now()`);
    await db.ds.query(`DELETE FROM reminders WHERE state = 'sent' AND task_id IN (SELECT id FROM tasks WHERE code ~ '5$')`);
    await db.ds.query(`DELETE FROM tasks WHERE code ~ '9$'`);
    await db.ds.query(`UPDATE tasks SET plan_id = $1 WHERE code ~ '[02]$'`, [plans[1]]);
    await db.ds.query(`DELETE FROM assignments WHERE role = 'responsible' AND unit_id = $1`, [units[1]]);
    await expectSameAppraisal('after updates and deletions');
  }, 120_000);

  it('an emptied reminder table empties the counts (restore truncates)', async () => {
    const { before, after } = await rowsAroundTruncate(db.ds, ['report_notice_counts', 'reminders']);
    expect(before.report_notice_counts).toBeGreaterThan(0);
    expect(after).toEqual({ report_notice_counts: 0, reminders: 0 });
  });
});
