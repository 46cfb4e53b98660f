import { ReminderRig, waitUntil } from '../reminders/reminder-rig';
import { Robot, startRobotRig } from '../support/webhook-robot';

describe('unit webhooks: no loopback, private, link-local or metadata targets; the robot key never shown', () => {
  let rig: ReminderRig;
  let robot: Robot;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ rig, robot, close } = await startRobotRig());
  });
  afterAll(async () => {
    await close?.();
  });

  const webhookOf = async (unit: string) => (await rig.w.ds.query(`SELECT webhook FROM units WHERE id = $1`, [rig.w.unitIds[unit]]))[0].webhook;

  it.each([
    ['a name that resolves to loopback', 'http://localhost:6379/send?key=k'],
    ['another loopback address', 'http://127.0.0.2:6379/send?key=k'],
    ['IPv6 loopback', 'http://[::1]:6379/send?key=k'],
    ['loopback written as a number', 'http://0x7f000002/send?key=k'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', 'http://10.20.30.40/send'],
    ['the unspecified address', 'http://0.0.0.0:5432/'],
    ['credentials in the URL', 'https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send'],
  ])('refuses %s at save (422, nothing saved), for admins and unit heads alike', async (_, url) => {
    for (const who of ['admin', 'lead_head']) {
      const res = await rig.w.http.put(`/units/${rig.w.unitIds.kjj}/webhook`).set(rig.auth(who)).send({ url, format: 'wecom' }).expect(422);
      expect(res.body).toMatchObject({ code: 'webhook_target_refused', field: 'url' });
      expect(res.body.message).toMatch(url.includes('@') ? /用户名或密码/ : /指向本机、内网或保留地址/);
    }
    expect(await webhookOf('kjj')).toBeNull();
  });

  it('refuses at send a robot whose host resolves to loopback now, and shows only its host in errors and alerts', async () => {
    // Saved while its name still resolved to a public address (DNS rebinding): only the send-time check stops it.
    const url = `http://localhost:${robot.port}/cgi-bin/webhook/send?key=robot-secret-1`;
    await rig.w.ds.query(`UPDATE units SET webhook = $1 WHERE id = $2`, [{ url, format: 'wecom' }, rig.w.unitIds.kjj]);
    const task = rig.w.taskIds['2']; // lead: 市科技局
    await rig.setDue(task, new Date(Date.now() + 1_000));
    await waitUntil(async () => (await rig.reminders(task, ['failed'])).length === 1, 20_000, 'reminder failed');
    expect(robot.posts).toHaveLength(0);
    const [row] = await rig.reminders(task, ['failed']);
    expect(row.last_error).toContain(`localhost:${robot.port}`);
    expect(row.last_error).not.toContain('robot-secret-1');
    const seen = await rig.w.http.get(`/tasks/${task}/reminders`).set(rig.auth('sup')).expect(200);
    expect(JSON.stringify(seen.body)).not.toContain('robot-secret-1');
    const failed = await rig.w.http.get('/reminders/failed').set(rig.auth('sup')).expect(200);
    expect(failed.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(failed.body)).not.toContain('robot-secret-1');
    await waitUntil(() => rig.sink.to(rig.email('sup')).length > 0, 10_000, 'alert mail');
    for (const mail of rig.sink.to(rig.email('sup'))) expect(JSON.stringify(mail)).not.toContain('robot-secret-1');
    for (const w of rig.workers) expect(w.stdout() + w.stderr()).not.toContain('robot-secret-1');
  });

  it('delivers to a host on WEBHOOK_ALLOWED_HOSTS, and records the robot by its host only', async () => {
    const url = `http://127.0.0.1:${robot.port}/cgi-bin/webhook/send?key=robot-secret-2`;
    await rig.w.http.put(`/units/${rig.w.unitIds.jxj}/webhook`).set(rig.auth('admin')).send({ url, format: 'wecom' }).expect(200);
    const task = rig.w.taskIds['4']; // lead: 市经信局
    await rig.setDue(task, new Date(Date.now() + 1_000));
    await waitUntil(async () => (await rig.reminders(task, ['sent'])).length === 1, 20_000, 'reminder sent');
    expect(robot.posts.map((p) => p.path)).toEqual(['/cgi-bin/webhook/send?key=robot-secret-2']);
    const seen = await rig.w.http.get(`/tasks/${task}/reminders`).set(rig.auth('sup')).expect(200);
    const hook = seen.body.deliveries.filter((d: { channel: string }) => d.channel === 'webhook');
    expect(hook.map((d: { recipient: string }) => d.recipient)).toEqual([`127.0.0.1:${robot.port}`]);
    expect(JSON.stringify(seen.body)).not.toContain('robot-secret-2');
    const stored = await rig.w.ds.query(`SELECT recipient FROM notifications WHERE channel = 'webhook'`);
    expect(JSON.stringify(stored)).not.toContain('robot-secret');
  });
});
