import { signAckToken } from '@app/notifications';
import { startWorkflowApp, WorkflowApp } from '../../support/workflow-app';
import { importOwnPlan } from '../support/plans';

const SECRET = 'duban-development-secret-change-me';
const HOUR = 3600;

describe('acknowledgement link of a reminder mail', () => {
  let w: WorkflowApp;
  const exp = () => Math.floor(Date.now() / 1000) + HOUR;
  // Each test acknowledges items of a plan of its own, so the tests pass alone and in any order.
  let taskIds: Record<string, string> = {};
  const link = (code: string, unit: string, user: string, expiry = exp()) =>
    signAckToken({ taskId: taskIds[code], unitId: w.unitIds[unit], userId: w.userIds[user], exp: expiry }, SECRET);
  const part = async (code: string, unit: string) =>
    (await w.ds.query(`SELECT status FROM assignments WHERE task_id = $1 AND unit_id = $2`, [taskIds[code], w.unitIds[unit]]))[0].status;

  beforeAll(async () => {
    w = await startWorkflowApp({ JWT_SECRET: SECRET });
  });
  afterAll(() => w.close());
  beforeEach(async () => {
    taskIds = (await importOwnPlan(w.app, '签收链接')).taskIds;
  });

  it('a GET or HEAD of the link (what a mail scanner does) acknowledges nothing: it only leads to the page', async () => {
    const token = link('2', 'kjj', 'lead_staff');
    const get = await w.http.get(`/ack/${token}`).set('accept', 'text/html').expect(303);
    expect(get.headers.location).toBe(`/app/ack/${token}`);
    await w.http.head(`/ack/${token}`).expect(303);
    await w.http.get(`/ack/${token}`).set('accept', '*/*').expect(303);
    const item = await w.http.get(`/ack/${token}/item`).expect(200);
    expect(item.body).toMatchObject({ taskId: taskIds['2'], title: '培育高新技术企业', unitName: '市科技局', role: 'lead', partStatus: 'assigned', recipientName: 'lead_staff' });
    expect(await part('2', 'kjj')).toBe('assigned');
  });

  it('the POST acknowledges the unit’s part (and the item, for the lead unit) once, with an audit record', async () => {
    const token = link('2', 'kjj', 'lead_staff');
    const first = await w.http.post(`/ack/${token}`).expect(200);
    expect(first.body).toMatchObject({ alreadyAcknowledged: false, partStatus: 'acknowledged', acknowledgedAt: expect.any(String) });
    expect(await part('2', 'kjj')).toBe('acknowledged');
    const [task] = await w.ds.query(`SELECT status FROM tasks WHERE id = $1`, [taskIds['2']]);
    expect(task.status).toBe('acknowledged');
    const again = await w.http.post(`/ack/${token}`).expect(200);
    expect(again.body.alreadyAcknowledged).toBe(true);
    const audits = await w.ds.query(`SELECT actor_id FROM audit_events WHERE action = 'assignment.acknowledged_by_link' AND task_id = $1`, [taskIds['2']]);
    expect(audits).toEqual([{ actor_id: w.userIds.lead_staff }]);
  });

  it('refuses a token with a changed last character or extra characters after the signature', async () => {
    const token = link('1', 'jxj', 'resp_staff');
    const last = token.at(-1)!;
    const changed = token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    for (const bad of [changed, `${token}A`, `${token}.x`, token.slice(0, -1)]) {
      await w.http.post(`/ack/${bad}`).expect(400);
      await w.http.get(`/ack/${bad}/item`).expect(400);
    }
    expect(await part('1', 'jxj')).toBe('assigned');
  });

  it('refuses a link signed with JWT_SECRET itself (links have their own key) and an expired one', async () => {
    const forged = signAckToken({ taskId: taskIds['1'], unitId: w.unitIds.jxj, userId: w.userIds.resp_staff, exp: exp() }, 'another-secret-entirely');
    expect((await w.http.post(`/ack/${forged}`).expect(400)).body.message).toBe('the link signature is invalid');
    const expired = link('1', 'jxj', 'resp_staff', Math.floor(Date.now() / 1000) - 1);
    expect((await w.http.post(`/ack/${expired}`).expect(400)).body.message).toBe('the link has expired');
    expect(await part('1', 'jxj')).toBe('assigned');
  });

  it('stops working when its user is disabled or deleted', async () => {
    const token = link('1', 'fgw', 'resp2_staff');
    await w.http.get(`/ack/${token}/item`).expect(200);
    await w.ds.query(`UPDATE users SET active = false WHERE id = $1`, [w.userIds.resp2_staff]);
    await w.http.get(`/ack/${token}/item`).expect(403);
    await w.http.post(`/ack/${token}`).expect(403);
    expect(await part('1', 'fgw')).toBe('assigned');
    const ghost = signAckToken({ taskId: taskIds['1'], unitId: w.unitIds.fgw, userId: '00000000-0000-4000-8000-000000000000', exp: exp() }, SECRET);
    await w.http.post(`/ack/${ghost}`).expect(403);
    await w.ds.query(`UPDATE users SET active = true WHERE id = $1`, [w.userIds.resp2_staff]);
  });

  it('answers 404 when the unit is no longer on the item', async () => {
    const token = signAckToken({ taskId: taskIds['3'], unitId: w.unitIds.kjj, userId: w.userIds.lead_staff, exp: exp() }, SECRET);
    await w.http.post(`/ack/${token}`).expect(404);
  });

  it('has nothing to acknowledge on a completed or cancelled item (422), and changes nothing', async () => {
    await w.ds.query(`UPDATE tasks SET status = 'cancelled' WHERE id = $1`, [taskIds['1']]);
    const res = await w.http.post(`/ack/${link('1', 'jxj', 'resp_staff')}`).expect(422);
    expect(res.body.message).toMatch(/cancelled/);
    expect(await part('1', 'jxj')).toBe('assigned');
  });
});
