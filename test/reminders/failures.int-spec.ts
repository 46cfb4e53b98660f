import { ReminderRig, waitUntil } from './reminder-rig';

/** What Redis and SMTP failures do to reminders: nothing lost, nothing sent twice, failures surfaced. */
describe('reminders when Redis or SMTP fail', () => {
  let rig: ReminderRig;

  beforeAll(async () => {
    rig = await ReminderRig.start();
    await rig.setPolicy([
      { offset: 'PT0S', kind: 'remind', audience: 'responsible' },
      { offset: 'PT2S', kind: 'urge', audience: 'unit_head' },
    ]);
    await rig.startWorker();
  });
  afterAll(async () => {
    await rig?.close();
  });
  beforeEach(() => rig.sink.clear());

  it('Redis loses every key while reminders are pending: all are delivered once after the next sweep', async () => {
    const tasks = [rig.w.taskIds['2'], rig.w.taskIds['4']];
    const due = new Date(Date.now() + 4_000);
    for (const t of tasks) await rig.setDue(t, due);
    const ids = (await Promise.all(tasks.map((t) => rig.reminders(t, ['pending', 'enqueued'])))).flat().map((r) => r.id);
    expect(ids).toHaveLength(8);
    // The change itself put them into Redis as delayed jobs.
    await waitUntil(async () => (await rig.queue.getJobCounts('delayed')).delayed >= 8, 5_000, 'eight delayed jobs');

    // Everything this deployment holds in Redis goes, as with FLUSHALL, without touching other suites'
    // prefixes on the shared test Redis.
    await rig.wipeRedis();
    expect((await rig.queue.getJobCounts('delayed')).delayed).toBe(0);

    await waitUntil(async () => {
      const rows = await rig.w.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND state = 'sent'`, [ids]);
      return rows[0].n === 8;
    }, 30_000, 'all eight reminders sent after the flush');
    await rig.drained();
    const recorded = await rig.recordedEmails(ids);
    // Items 2 and 4: the staff of the two units that owe each, and the head of 市科技局 (市经信局 has none).
    expect(recorded).toHaveLength(6);
    const perReminder = rig.mailsPerReminder();
    expect([...perReminder.keys()].sort()).toEqual(recorded);
    expect([...perReminder.values()].every((n) => n === 1)).toBe(true);
  });

  it('SMTP down for a while: the delivery is retried with backoff and goes out when SMTP returns', async () => {
    const task = rig.w.taskIds['3']; // other_staff of 市教育局
    await rig.sink.stop();
    const due = new Date(Date.now() + 1_500);
    await rig.setDue(task, due);
    const [remind] = (await rig.reminders(task, ['pending', 'enqueued'])).filter((r) => r.kind === 'remind');

    // Retried, each time released for the next attempt with the error kept.
    await waitUntil(async () => (await rig.reminders(task)).find((r) => r.id === remind.id)!.attempts >= 3, 15_000, 'three attempts');
    const during = (await rig.reminders(task)).find((r) => r.id === remind.id)!;
    expect(['enqueued', 'sending']).toContain(during.state);
    expect(during.last_error ?? '').toMatch(/ECONNREFUSED|connect/i);
    expect(rig.sink.messages).toHaveLength(0);

    await rig.sink.listen();
    const [m] = await rig.sink.waitFor((x) => x.to.includes(rig.email('other_staff')), 1, 15_000);
    expect(m.headers['x-duban-reminder']).toBe(remind.id);
    await waitUntil(async () => (await rig.reminders(task)).find((r) => r.id === remind.id)!.state === 'sent', 10_000, 'sent');
    const after = (await rig.reminders(task)).find((r) => r.id === remind.id)!;
    expect(after.attempts).toBeGreaterThanOrEqual(3);
    expect(after.last_error).toBeNull();
    await rig.drained();
    expect(rig.sink.to(rig.email('other_staff'))).toHaveLength(1);
  });

  it('a permanently bad address (550): failed, listed, supervisors alerted; retry on demand delivers it', async () => {
    // Item 4: lead 市经信局 (resp_staff), responsible 市科技局 (lead_staff).
    const task = rig.w.taskIds['4'];
    const bad = rig.email('resp_staff');
    rig.sink.reject(bad);
    const due = new Date(Date.now() + 1_500);
    await rig.setDue(task, due);
    const failing = (await rig.reminders(task, ['pending', 'enqueued'])).find((r) => r.kind === 'remind' && r.unit_id === rig.w.unitIds.jxj)!;

    await waitUntil(async () => (await rig.reminders(task)).find((r) => r.id === failing.id)!.state === 'failed', 15_000, 'failed');
    const row = (await rig.reminders(task)).find((r) => r.id === failing.id)!;
    expect(row.attempts).toBe(1); // a 5xx for the address is not retried
    expect(row.last_error).toMatch(/resp_staff@example\.test.*550/);
    // The other unit's staff got theirs.
    await rig.sink.waitFor((m) => m.to.includes(rig.email('lead_staff')), 1, 10_000);

    const failed = await rig.w.http.get('/reminders/failed').set(rig.auth('sup')).expect(200);
    expect(failed.body.items.map((r: { id: string }) => r.id)).toContain(failing.id);
    expect(failed.body.items.find((r: { id: string }) => r.id === failing.id)).toMatchObject({ taskId: task, kind: 'remind', unitName: '市经信局' });

    const [alertMail] = await rig.sink.waitFor((m) => m.to.includes(rig.email('sup')), 1, 10_000);
    expect(alertMail.subject).toMatch(/^【发送失败】4 完善科技金融服务/);
    const inbox = await rig.w.http.get('/me/notifications').set(rig.auth('sup')).expect(200);
    const alerts = inbox.body.items.filter((n: { channel: string; taskId: string }) => n.channel === 'alert' && n.taskId === task);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ noticeLevel: 'red' });

    // The address is fixed; the supervisor retries.
    rig.sink.accept(bad);
    await rig.w.http.post(`/reminders/${failing.id}/retry`).set(rig.auth('sup')).expect(200, { id: failing.id, state: 'pending' });
    const [m] = await rig.sink.waitFor((x) => x.to.includes(bad), 1, 10_000);
    expect(m.headers['x-duban-reminder']).toBe(failing.id);
    await waitUntil(async () => (await rig.reminders(task)).find((r) => r.id === failing.id)!.state === 'sent', 10_000, 'sent after retry');
    const retried = (await rig.reminders(task)).find((r) => r.id === failing.id)!;
    expect(retried.due_at.getTime()).toBe(due.getTime()); // the schedule's time is kept; it went late
    await rig.w.http.post(`/reminders/${failing.id}/retry`).set(rig.auth('sup')).expect(400);
    expect((await rig.w.http.get('/reminders/failed').set(rig.auth('sup')).expect(200)).body.items.map((r: { id: string }) => r.id)).not.toContain(failing.id);

    // A later change to the item does not plan the retried reminder again.
    await rig.w.http.post(`/tasks/${task}/comments`).set(rig.auth('sup')).send({ body: '请尽快办理' });
    await rig.w.http
      .post('/tasks/bulk-assign')
      .set(rig.auth('sup'))
      .send({ taskIds: [task], unitId: rig.w.unitIds.czj, role: 'assisting', ignoreVersions: true })
      .expect(200);
    await rig.drained();
    expect(rig.sink.to(bad)).toHaveLength(1);
    expect(rig.sink.to(rig.email('lead_staff'))).toHaveLength(1);
    expect(rig.sink.to(rig.email('sup'))).toHaveLength(1);
  });
});
