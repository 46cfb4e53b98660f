import { CalendarDay, HolidayCalendar, shanghaiDate, workdaysBetween } from '@app/domain';
import { startWorkflowApp, WorkflowApp } from '../../support/workflow-app';
import { importOwnPlan } from '../support/plans';

const DAY = 86_400_000;

interface Item {
  id: string;
  planId: string;
  code: string;
  role: string;
  [k: string]: unknown;
}

describe('the 工作台 API: my unit’s items by tab, counts, deadline countdown, inbox by level', () => {
  let w: WorkflowApp;
  const auth = (u: string) => ({ authorization: `Bearer ${w.tokens[u]}` });
  const tab = async (user: string, name: string) => (await w.http.get(`/me/tasks?tab=${name}&limit=200`).set(auth(user)).expect(200)).body;
  /** The tab's items of one plan (each test works on a plan of its own). */
  const inPlan = async (user: string, name: string, planId: string): Promise<Item[]> =>
    (await tab(user, name)).items.filter((i: Item) => i.planId === planId);
  const codes = async (user: string, name: string, planId: string) => (await inPlan(user, name, planId)).map((i) => i.code).sort();
  const version = async (id: string) => (await w.ds.query(`SELECT version FROM tasks WHERE id = $1`, [id]))[0].version;
  const acknowledge = async (user: string, id: string) =>
    w.http.post(`/tasks/${id}/transitions`).set(auth(user)).send({ to: 'acknowledged', version: await version(id) }).expect(200);

  beforeAll(async () => {
    w = await startWorkflowApp();
  });
  afterAll(() => w.close());

  it('lists what the unit still has to acknowledge, with its role and part; counts match the tabs', async () => {
    const p = await importOwnPlan(w.app, '待签收');
    // 市科技局 leads items 1 and 2 and is responsible for 4; item 3 is not its own
    expect(await codes('lead_staff', 'to_acknowledge', p.planId)).toEqual(['1', '2', '4']);
    const four = (await inPlan('lead_staff', 'to_acknowledge', p.planId)).find((i) => i.code === '4');
    expect(four).toMatchObject({ role: 'responsible', partStatus: 'assigned', leadUnits: ['市经信局'], reporter: null, extensionPending: false, overdue: false });
    const counts = (await w.http.get('/me/tasks/counts').set(auth('lead_staff')).expect(200)).body;
    for (const t of ['to_acknowledge', 'in_progress', 'returned', 'due_soon', 'overdue', 'all']) expect(counts[t]).toBe((await tab('lead_staff', t)).total);
    // an assisting unit owes nothing: it sees its items only under "all"
    expect(await codes('assist_staff', 'to_acknowledge', p.planId)).toEqual([]);
    expect((await inPlan('assist_staff', 'all', p.planId)).map((i) => `${i.code}:${i.role}`).sort()).toEqual(['1:assisting', '2:assisting']);
  });

  it('moves an item to 办理中 once acknowledged, and names who reported progress', async () => {
    const p = await importOwnPlan(w.app, '办理中');
    const id = p.taskIds['2'];
    await acknowledge('lead_staff', id);
    expect(await codes('lead_staff', 'to_acknowledge', p.planId)).toEqual(['1', '4']);
    expect(await codes('lead_staff', 'in_progress', p.planId)).toEqual(['2']);
    await w.http.post(`/tasks/${id}/progress`).set(auth('lead_staff')).send({ percent: 40, note: '已完成调研' }).expect(201);
    const [two] = await inPlan('lead_staff', 'in_progress', p.planId);
    expect(two).toMatchObject({ partStatus: 'in_progress', partProgress: 40, progress: 40, reporter: { id: w.userIds.lead_staff, name: 'lead_staff' } });
  });

  it('shows a pending extension request, and a returned item under 被退回 only', async () => {
    const p = await importOwnPlan(w.app, '被退回', { supervisorIds: [w.userIds.sup] });
    const id = p.taskIds['2'];
    await acknowledge('lead_staff', id);
    await w.http.post(`/tasks/${id}/progress`).set(auth('lead_staff')).send({ percent: 100, note: '已完成' }).expect(201);
    await w.http.post(`/tasks/${id}/extensions`).set(auth('lead_staff')).send({ requestedDueAt: '2031-03-31', reason: '等待配套政策' }).expect(201);
    expect((await inPlan('lead_staff', 'in_progress', p.planId))[0].extensionPending).toBe(true);
    const sub = await w.http.post(`/tasks/${id}/submit`).set(auth('lead_staff')).send({ version: await version(id) }).expect(200);
    expect(await codes('lead_staff', 'in_progress', p.planId)).toEqual([]);
    await w.http.post(`/tasks/${id}/review`).set(auth('sup')).send({ decision: 'return', reason: '佐证材料不足', version: sub.body.version }).expect(200);
    expect(await codes('lead_staff', 'returned', p.planId)).toEqual(['2']);
    expect(await codes('lead_staff', 'in_progress', p.planId)).toEqual([]);
  });

  it('puts an overdue item under 超期 with its days overdue, a near one under 临期 with working days left', async () => {
    const p = await importOwnPlan(w.app, '临期超期');
    const now = Date.now();
    await w.ds.query(`UPDATE tasks SET due_at = $2 WHERE id = $1`, [p.taskIds['4'], new Date(now - 3 * DAY)]);
    const soon = new Date(now + 2 * DAY);
    await w.ds.query(`UPDATE tasks SET due_at = $2 WHERE id = $1`, [p.taskIds['1'], soon]);
    const [four] = await inPlan('lead_staff', 'overdue', p.planId);
    expect(four).toMatchObject({ code: '4', overdue: true, daysOverdue: 3, light: 'red' });
    const [one] = await inPlan('lead_staff', 'due_soon', p.planId);
    expect(one).toMatchObject({ code: '1', overdue: false, daysOverdue: 0, light: 'yellow' });
    const days: CalendarDay[] = await w.ds.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM calendar_days`);
    expect(one.workdaysLeft).toBe(workdaysBetween(new HolidayCalendar(days), shanghaiDate(new Date()), shanghaiDate(soon)));
    const deadline = (await w.http.get(`/tasks/${p.taskIds['4']}/deadline`).set(auth('lead_staff')).expect(200)).body;
    expect(deadline).toMatchObject({ id: p.taskIds['4'], overdue: true, daysOverdue: 3 });
    expect(deadline.workdaysLeft).toBeLessThan(0);
    await w.http.get(`/tasks/${p.taskIds['1']}/deadline`).set(auth('other_staff')).expect(404);
  });

  it('gives callers without a unit an empty page, and refuses an unknown or missing tab', async () => {
    expect(await tab('sup', 'all')).toMatchObject({ items: [], total: 0 });
    expect((await w.http.get('/me/tasks/counts').set(auth('sup')).expect(200)).body).toEqual({
      to_acknowledge: 0, in_progress: 0, returned: 0, due_soon: 0, overdue: 0, mine: 0, all: 0,
    });
    await w.http.get('/me/tasks?tab=theirs').set(auth('lead_staff')).expect(400);
    await w.http.get('/me/tasks').set(auth('lead_staff')).expect(400);
  });

  it('filters the inbox by notice level (提醒/催办/督办), the unread count staying over all', async () => {
    const add = (level: string, subject: string) =>
      w.ds.query(`INSERT INTO notifications (user_id, channel, recipient, subject, body, notice_level) VALUES ($1, 'inbox', 'resp_staff', $2, '正文', $3)`, [
        w.userIds.resp_staff,
        subject,
        level,
      ]);
    await add('blue', '提醒一');
    await add('yellow', '催办一');
    await add('red', '督办一');
    const yellow = (await w.http.get('/me/notifications?level=yellow').set(auth('resp_staff')).expect(200)).body;
    expect(yellow.items.map((n: { subject: string }) => n.subject)).toContain('催办一');
    expect(yellow.items.every((n: { noticeLevel: string }) => n.noticeLevel === 'yellow')).toBe(true);
    const [{ unread }] = await w.ds.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL AND channel IN ('inbox', 'alert')`, [w.userIds.resp_staff]);
    expect(yellow.unread).toBe(unread);
    await w.http.get('/me/notifications?level=green').set(auth('resp_staff')).expect(400);
  });
});
