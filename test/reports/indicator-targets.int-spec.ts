// The indicators report's page from the kept targets (migration 1736500000000) equals the page the
// SQL before it chose from every item's indicator JSON (test/reports/reference), for every page
// window, including plans that share a title (their targets interleave by code), several targets
// per item with invalid elements between them, and after the writes the triggers must follow.
import { DataSource } from 'typeorm';
import { indicatorsReport } from '../../libs/persistence/src/repositories/reports/indicators.report';
import { ReportClock, ReportScope, RunSql, runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { openTestDatabase } from '../support/database';
import { indicatorTargetsDrift, rowsAroundTruncate } from './counts-drift';
import { indicatorsReport as indicatorsBefore } from './reference/indicators.report';

const DAY = 86_400_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const clockAt = (now: Date): ReportClock => ({ now, today: shanghaiDate(now), yellowBefore: addDays(shanghaiDate(now), 4), progressSlack: 10 });

let db: { ds: DataSource; close(): Promise<void> };
let run: RunSql;

/**
 * Five plans: 计划甲, two called 计划乙 (item codes K001… and K001a…, so their targets interleave),
 * 计划丙 with plan targets only and 计划丁 with neither. Items carry 0–3 elements, some invalid (no
 * number, no name), some with their own deadline; a few items' indicators are not an array.
 */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO plans (title, year, period_start, period_end, content_hash)
                  SELECT t, 2026, date '2025-01-01', date '2027-12-31', 'ind-' || i
                    FROM unnest(ARRAY['计划甲', '计划乙', '计划乙', '计划丙', '计划丁']) WITH ORDINALITY AS p(t, i)`);
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY content_hash) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, created_at, indicators)
     SELECT p.ids[k], 'K' || lpad(i::text, 3, '0') || CASE WHEN k = 3 THEN 'a' ELSE '' END, '事项' || k || '-' || i,
            now() + (i * 7 - 150) * interval '1 day', now() + (i * 7 - 150) * interval '1 day', now() - (200 + i) * interval '1 day',
            CASE WHEN i % 13 = 0 THEN '{"name": "not an array", "value": 1}'::jsonb
                 ELSE (SELECT COALESCE(jsonb_agg(CASE
                        WHEN (i + j) % 5 = 0 THEN jsonb_build_object('name', '无值' || j, 'value', 'n/a')
                        WHEN (i + j) % 7 = 0 THEN jsonb_build_object('name', '', 'value', j)
                        ELSE jsonb_build_object('name', '指标' || j, 'value', 10 * j + i % 4, 'unit', '个',
                                                'comparator', CASE WHEN i % 3 = 0 THEN '<=' ELSE '>=' END,
                                                'deadline', CASE WHEN i % 4 = 0 THEN to_char(now() + (i - 20) * interval '1 day', 'YYYY-MM-DD') END)
                        END ORDER BY j), '[]'::jsonb)
                         FROM generate_series(1, (i + k) % 4) j) END
       FROM p CROSS JOIN generate_series(1, 3) k CROSS JOIN generate_series(1, 40) i`,
  );
  await ds.query(
    `INSERT INTO plan_targets (plan_id, code, text, indicators)
     SELECT p.id, g.code, '目标' || g.code, g.ind
       FROM plans p JOIN (VALUES
         ('ind-1', 'g1', '[{"name": "指标1", "value": 50}, {"name": "", "value": 1}, {"name": "指标2", "value": 8, "comparator": "<="}]'::jsonb),
         ('ind-1', 'g2', '[{"name": "指标3", "value": 0}]'),
         ('ind-2', 'g1', '[{"name": "指标1", "value": 30}]'),
         ('ind-3', 'h1', '[{"name": "指标2", "value": 9}, {"name": "指标1", "value": 12}]'),
         ('ind-4', 'g1', '[{"name": "指标1", "value": 5, "deadline": "2026-06-30"}]')) AS g(hash, code, ind) ON g.hash = p.content_hash`,
  );
  await ds.query(
    `INSERT INTO progress_reports (task_id, percent, note, indicator_values, created_at)
     SELECT t.id, 10 * k, '进展', jsonb_build_array(jsonb_build_object('name', '指标1', 'value', 7 * k), jsonb_build_object('name', '指标2', 'value', k)),
            now() - (10 - k) * interval '1 day'
       FROM tasks t CROSS JOIN generate_series(1, 2) k WHERE t.code ~ '[1-6]$'`,
  );
}

/** Every page window across the whole list (sizes 1, 3 and 7 from every start), in each scope. */
async function expectSamePages(label: string, now = new Date()): Promise<void> {
  const c = clockAt(now);
  const planIds = ((await db.ds.query(`SELECT id FROM plans ORDER BY content_hash`)) as { id: string }[]).map((r) => r.id);
  const scopes: ReportScope[] = [{ visibility: { kind: 'all' } }, ...planIds.map((planId) => ({ visibility: { kind: 'all' as const }, planId }))];
  for (const s of scopes) {
    const whole = await indicatorsBefore(run, s, c, { offset: 0, limit: 10_000 });
    expect({ label, s, r: await indicatorsReport(run, s, c, { offset: 0, limit: 10_000 }) }).toEqual({ label, s, r: whole });
    for (const limit of [1, 3, 7]) {
      for (let offset = 0; offset <= whole.total + 1; offset += limit === 1 ? 1 : 2) {
        const page = { offset, limit };
        const expected = { total: offset < whole.total ? whole.total : 0, rows: whole.rows.slice(offset, offset + limit) };
        expect({ label, s, page, r: await indicatorsReport(run, s, c, page) }).toEqual({ label, s, page, r: expected });
      }
    }
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  run = runOn(db.ds);
  await seed(db.ds);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

describe('the indicators page from the kept targets equals the page from every item', () => {
  it('every page, every plan, plans sharing a title, now and a year on', async () => {
    expect(await indicatorTargetsDrift(db.ds)).toEqual([]);
    const { rows, total } = await indicatorsBefore(run, { visibility: { kind: 'all' } }, clockAt(new Date()), { offset: 0, limit: 10_000 });
    // Not vacuous: the two 计划乙 interleave (K001 of one, K001a of the other, K002 of the first…),
    // items have several targets with gaps in their ordinals, and plan targets follow each title's items.
    const sharedTitle = rows.filter((r) => r.planTitle === '计划乙' && r.source === 'task').map((r) => r.planId);
    expect(sharedTitle.some((id, i) => i > 0 && id !== sharedTitle[i - 1] && sharedTitle.indexOf(id) < i - 1)).toBe(true);
    expect(rows.some((r, i) => i > 0 && r.taskId !== null && r.taskId === rows[i - 1].taskId)).toBe(true);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['task', 'plan']));
    expect(total).toBeGreaterThan(100);
    await expectSamePages('seeded');
    await expectSamePages('a year on', new Date(Date.now() + 365 * DAY));
  }, 240_000);

  it('after the writes the triggers follow: indicators changed, codes swapped, items moved, deleted, added', async () => {
    await db.ds.query(`UPDATE tasks SET indicators = indicators || '[{"name": "新增", "value": 3}]'::jsonb WHERE code ~ '[27]$'`);
    await db.ds.query(`UPDATE tasks SET indicators = '[]' WHERE code ~ '9$'`);
    await db.ds.query(`UPDATE tasks SET indicators = '[{"name": "改为数组", "value": 2}]' WHERE indicators @> '{"name": "not an array"}'`);
    // Two items of one plan swap codes (through a free code: the unique key is checked per row); one
    // item moves to another plan.
    const plan1 = `(SELECT id FROM plans WHERE content_hash = 'ind-1')`;
    await db.ds.query(`UPDATE tasks SET code = 'K002x' WHERE code = 'K002' AND plan_id = ${plan1}`);
    await db.ds.query(`UPDATE tasks SET code = 'K002' WHERE code = 'K003' AND plan_id = ${plan1}`);
    await db.ds.query(`UPDATE tasks SET code = 'K003' WHERE code = 'K002x' AND plan_id = ${plan1}`);
    await db.ds.query(
      `UPDATE tasks SET plan_id = (SELECT id FROM plans WHERE content_hash = 'ind-5'), code = 'M' || code
        WHERE code = 'K011' AND plan_id = (SELECT id FROM plans WHERE content_hash = 'ind-1')`,
    );
    // Writes that move no target (the triggers must net to nothing).
    await db.ds.query(`UPDATE tasks SET status = 'in_progress', progress = 30`);
    await db.ds.query(`DELETE FROM tasks WHERE code ~ '4a?$'`);
    await db.ds.query(
      `INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, indicators)
       SELECT id, 'K100', '新事项', now() + interval '30 days', now() + interval '30 days', '[{"name": "指标1", "value": 1}, {"name": "指标2", "value": 4}]'
         FROM plans WHERE content_hash IN ('ind-2', 'ind-4')`,
    );
    expect(await indicatorTargetsDrift(db.ds)).toEqual([]);
    await expectSamePages('after writes');
  }, 240_000);

  it('an emptied item table empties the kept targets (restore truncates)', async () => {
    const { before, after } = await rowsAroundTruncate(db.ds, ['report_indicator_targets', 'report_indicator_counts']);
    expect(before.report_indicator_targets).toBeGreaterThan(0);
    expect(after).toEqual({ report_indicator_targets: 0, report_indicator_counts: 0 });
  });
});
