import { Robot, startRobotRig } from '../support/webhook-robot';
import { ReminderRig, waitUntil } from './reminder-rig';

describe('unit webhooks and personal preferences', () => {
  let rig: ReminderRig;
  let robot: Robot;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ rig, robot, close } = await startRobotRig());
  });
  afterAll(async () => {
    await close?.();
  });

  it('only an admin or the unit’s own head sets a unit webhook, and bad values are 400', async () => {
    const kjj = rig.w.unitIds.kjj;
    await rig.w.http.put(`/units/${kjj}/webhook`).set(rig.auth('lead_staff')).send({ url: robot.url, format: 'wecom' }).expect(403);
    await rig.w.http.put(`/units/${rig.w.unitIds.jxj}/webhook`).set(rig.auth('lead_head')).send({ url: robot.url }).expect(403);
    await rig.w.http.put(`/units/${kjj}/webhook`).set(rig.auth('admin')).send({ url: 'ftp://x', format: 'wecom' }).expect(400);
    await rig.w.http.put(`/units/${kjj}/webhook`).set(rig.auth('admin')).send({ url: robot.url, format: 'slack' }).expect(400);
    const ok = await rig.w.http.put(`/units/${kjj}/webhook`).set(rig.auth('lead_head')).send({ url: robot.url, format: 'wecom' }).expect(200);
    expect(ok.body).toEqual({ unitId: kjj, webhook: { format: 'wecom', set: true } });
    const [audit] = await rig.w.ds.query(`SELECT after FROM audit_events WHERE action = 'unit.webhook_changed' ORDER BY id DESC LIMIT 1`);
    expect(JSON.stringify(audit.after)).not.toContain('key=test'); // the robot key stays out of the audit trail
  });

  it('posts a reminder to the lead unit’s robot in its message shape, once', async () => {
    const task = rig.w.taskIds['2']; // lead: 市科技局
    // Its robot is set here, whether or not the test of who may set it ran first.
    await rig.w.http.put(`/units/${rig.w.unitIds.kjj}/webhook`).set(rig.auth('admin')).send({ url: robot.url, format: 'wecom' }).expect(200);
    await rig.setDue(task, new Date(Date.now() + 2_000));
    await waitUntil(async () => robot.posts.length >= 1, 15_000, 'robot post');
    await waitUntil(async () => (await rig.reminders(task, ['sent'])).length === 1, 10_000, 'row sent');
    await rig.drained();
    expect(robot.posts).toHaveLength(1);
    const body = robot.posts[0].body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('培育高新技术企业');
    expect(body.markdown.content).toMatch(/蓝色提醒/);
    expect(rig.sink.messages).toHaveLength(0); // the policy step names no e-mail
  });

  it('lets a user choose the daily digest for themselves', async () => {
    await rig.w.http.patch('/me/preferences').set(rig.auth('resp_staff')).send({ dailyDigest: 'yes' }).expect(400);
    const res = await rig.w.http.patch('/me/preferences').set(rig.auth('resp_staff')).send({ dailyDigest: true }).expect(200);
    expect(res.body.dailyDigest).toBe(true);
    const [row] = await rig.w.ds.query(`SELECT daily_digest FROM users WHERE username = 'resp_staff'`);
    expect(row.daily_digest).toBe(true);
  });
});
