import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanImportService } from '@app/application';
import { CalendarDay, HolidayCalendar, shanghaiDate } from '@app/domain';
import { contentHash, importDocument } from '@app/importer';
import { startWorkflowApp, WorkflowApp } from '../support/workflow-app';
import { NOTICE_2027 } from './notice-2027';


interface ReminderRow {
  key: string;
  due_at: Date;
}

/** The key's source: "-P7D.remind", "ack.urge", "cycle.remind.<date>" (key = task:step:source:audience:unit). */
const sourceOf = (r: ReminderRow) => r.key.split(':')[2];
/** Reminders the working-day rule places: offsets of a day or more, acknowledgements, cycles (not the exact sub-day ones). */
const dayRule = (r: ReminderRow) => !/^-?PT/.test(sourceOf(r));

describe('the working-day calendar an office keeps', () => {
  let w: WorkflowApp;
  let planId: string;
  const admin = () => ({ Authorization: `Bearer ${w.tokens.admin}` });

  beforeAll(async () => {
    w = await startWorkflowApp();
    // The 2027 demo plan, as `npm start` loads it.
    const content = readFileSync(join(__dirname, '../../seeds/demo_2027_tasks.txt'));
    const parsed = await importDocument({ fileName: 'demo_2027_tasks.txt', content });
    const imports = w.app.get(PlanImportService);
    const actor = { id: null, name: 'test' };
    const preview = await imports.preview(parsed, { contentHash: contentHash(content), fileName: 'demo_2027_tasks.txt', actor });
    ({ planId } = await imports.commit(preview.importId, actor));
  });
  afterAll(async () => {
    await w?.close();
  });

  const liveReminders = (): Promise<ReminderRow[]> =>
    w.ds.query(
      `SELECT r.key, r.due_at FROM reminders r JOIN tasks t ON t.id = r.task_id
        WHERE t.plan_id = $1 AND r.state <> 'cancelled' AND r.due_at >= '2027-01-01T00:00:00+08:00' AND r.due_at < '2028-01-01T00:00:00+08:00'`,
      [planId],
    );
  const storedCalendar = async () =>
    new HolidayCalendar(await w.ds.query<CalendarDay[]>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM calendar_days`));

  it('is seeded from chinese-days for the years it covers; only an admin reads it', async () => {
    const y2026 = (await w.http.get('/work-calendar?year=2026').set(admin()).expect(200)).body;
    expect(y2026).toMatchObject({ year: 2026, complete: true, source: expect.stringMatching(/^chinese-days@/) });
    expect(y2026.days).toContainEqual(expect.objectContaining({ date: '2026-10-01', kind: 'holiday', name: '国庆节' }));
    await w.http.get('/work-calendar?year=2027').set({ Authorization: `Bearer ${w.tokens.sup}` }).expect(403);
    await w.http.get('/work-calendar?year=20x7').set(admin()).expect(400);
  });

  it('the 2027 demo plan’s reminders fall on working days of a 2027 calendar entered through the API', async () => {
    // Before: 2027 has no calendar and counts Monday–Friday, so item 3 (due 30 September) is urged on Friday 1 October, 国庆.
    expect((await w.http.get('/work-calendar?year=2027').set(admin()).expect(200)).body).toMatchObject({ year: 2027, complete: false, days: [] });
    const before = (await liveReminders()).filter(dayRule);
    expect(before.map((r) => shanghaiDate(r.due_at))).toContain('2027-10-01');

    const preview = (await w.http.post('/work-calendar/notices/preview').set(admin()).send({ text: NOTICE_2027 }).expect(200)).body;
    expect(preview.year).toBe(2027);
    expect(preview.holidays.map((h: { name: string }) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(preview.days).toHaveLength(3 + 8 + 2 + 3 + 5 + 2 + 1 + 1 + 7 + 2);
    // The preview wrote nothing.
    expect((await w.http.get('/work-calendar?year=2027').set(admin()).expect(200)).body.days).toEqual([]);

    const committed = (await w.http.post('/work-calendar/notices').set(admin()).send({ text: NOTICE_2027 }).expect(200)).body;
    expect(committed).toMatchObject({ year: 2027, removed: [] });
    expect(committed.replanned).toBeGreaterThanOrEqual(6);
    const y2027 = (await w.http.get('/work-calendar?year=2027').set(admin()).expect(200)).body;
    expect(y2027).toMatchObject({ year: 2027, complete: true, source: 'notice' });
    expect(y2027.days).toContainEqual({ date: '2027-10-09', kind: 'workday', name: '国庆节', source: 'notice' });

    const calendar = await storedCalendar();
    const after = (await liveReminders()).filter(dayRule);
    expect(after.length).toBe(before.length);
    const offDays = after.filter((r) => !calendar.isWorkday(shanghaiDate(r.due_at))).map((r) => `${r.key} ${shanghaiDate(r.due_at)}`);
    expect(offDays).toEqual([]);
    // The urge moved to the first working day after 国庆: Friday 8 October.
    expect(after.map((r) => shanghaiDate(r.due_at))).toContain('2027-10-08');
  });

  it('adds and removes a local rest day; the reminders move with it in the same transaction', async () => {
    // Item 2 is due Wednesday 30 June 2027: its -P1D reminder is on Tuesday 29 June.
    const minusOneDay = async () =>
      (await liveReminders()).filter((r) => sourceOf(r) === '-P1D.remind').map((r) => shanghaiDate(r.due_at));
    expect(await minusOneDay()).toContain('2027-06-29');
    const added = (await w.http.post('/work-calendar/days').set(admin()).send({ add: [{ date: '2027-06-29', kind: 'local_rest', name: '市庆日' }] }).expect(200)).body;
    expect(added.added).toEqual([{ date: '2027-06-29', kind: 'local_rest', name: '市庆日', source: 'admin' }]);
    expect(await minusOneDay()).not.toContain('2027-06-29');
    expect(await minusOneDay()).toContain('2027-06-28');
    const [audit] = await w.ds.query(`SELECT actor_name, after FROM audit_events WHERE action = 'calendar.days_changed' ORDER BY id DESC LIMIT 1`);
    expect(audit.after).toEqual({ added: added.added });

    await w.http.post('/work-calendar/days').set(admin()).send({ remove: ['2027-06-29'] }).expect(200);
    expect(await minusOneDay()).toContain('2027-06-29');
  });

  it('refuses a bad change as a whole, naming each problem, and writes nothing', async () => {
    const before = await w.ds.query(`SELECT count(*)::int AS n FROM calendar_days`);
    const res = await w.http
      .post('/work-calendar/days')
      .set(admin())
      .send({ add: [{ date: '2027-03-10', kind: 'local_rest', name: '植树日' }, { date: '2027-03-11', kind: 'workday', name: '补班' }] })
      .expect(422);
    expect(res.body.errors).toEqual(['第 2 天：2027-03-11 是工作日，不必设为调休上班']);
    const gone = await w.http.post('/work-calendar/days').set(admin()).send({ remove: ['2027-03-17'] }).expect(422);
    expect(gone.body.errors).toEqual(['日历中没有 2027-03-17，无法删除']);
    await w.http.post('/work-calendar/days').set(admin()).send({ add: [{ date: '2027-3-10', kind: 'local_rest', name: 'x' }] }).expect(400);
    const bad = await w.http.post('/work-calendar/notices').set(admin()).send({ text: NOTICE_2027.replace('共7天', '共8天') }).expect(422);
    expect(bad.body.errors).toEqual(['国庆节：2027-10-01 至 2027-10-07 是 7 天，通知写“共8天”']);
    expect(await w.ds.query(`SELECT count(*)::int AS n FROM calendar_days`)).toEqual(before);
  });
});
