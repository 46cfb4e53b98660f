import { ReminderRig, waitUntil } from './reminder-rig';

/**
 * 催办 by hand (POST /tasks/urge) through real HTTP, a real worker process and an SMTP server: the open
 * lead and responsible units' staff get the urge at once, exactly once, also when the request is retried
 * with its Idempotency-Key; the item's history records it; refusals name what is wrong and write nothing.
 */
describe('POST /tasks/urge (催办 now)', () => {
  let rig: ReminderRig;

  beforeAll(async () => {
    rig = await ReminderRig.start();
    await rig.setPolicy([{ offset: 'P30D', kind: 'remind', audience: 'supervisor' }]); // far off: only the urge mails now
    await rig.startWorker();
  });
  afterAll(async () => {
    await rig?.close();
  });

  const urgeRows = (taskId: string): Promise<{ id: string; unit_id: string; state: string; note: string | null }[]> =>
    rig.w.ds.query(`SELECT id, unit_id, state, note FROM reminders WHERE task_id = $1 AND reason = 'manual' ORDER BY unit_id`, [taskId]);

  it('mails the staff of the lead and responsible units once, with the note, and records it in the history', async () => {
    // Item 2: lead 市科技局 (lead_staff), responsible 市经信局 (resp_staff), assisting 市财政局 (not urged).
    const task = rig.w.taskIds['2'];
    const send = () =>
      rig.w.http.post('/tasks/urge').set(rig.auth('sup')).set('Idempotency-Key', 'urge-item-2-once').send({ taskIds: [task], note: '请于本周五前报送进展' });
    const first = await send().expect(201);
    const replay = await send().expect(201);
    expect(replay.body).toEqual(first.body);
    expect(first.body.queued).toBe(2);
    expect(first.body.tasks[0].unitIds.sort()).toEqual([rig.w.unitIds.kjj, rig.w.unitIds.jxj].sort());

    const rows = await urgeRows(task);
    expect(rows).toHaveLength(2);
    await waitUntil(async () => (await urgeRows(task)).every((r) => r.state === 'sent'), 20_000, 'both urges sent');
    await rig.drained();
    const ids = rows.map((r) => r.id);
    const mails = rig.sink.messages.filter((m) => ids.includes(m.headers['x-duban-reminder'] as string));
    expect(mails.map((m) => m.to.join()).sort()).toEqual([rig.email('lead_staff'), rig.email('resp_staff')].sort());
    for (const m of mails) {
      expect(m.subject).toMatch(/^【黄色催办】2 培育高新技术企业.*督办员催办/);
      expect(m.text).toContain('催办说明：请于本周五前报送进展');
    }
    expect(await rig.recordedEmails(ids)).toHaveLength(2);

    const history = await rig.w.http.get(`/tasks/${task}/history`).set(rig.auth('lead_staff')).expect(200);
    const urged = history.body.items.filter((e: { action: string }) => e.action === 'task.urged');
    expect(urged).toHaveLength(1);
    expect(urged[0].after).toMatchObject({ note: '请于本周五前报送进展' });
  });

  it('refuses unknown items (422 naming them), other roles (403) and closed items, writing nothing', async () => {
    const task = rig.w.taskIds['3'];
    const unknown = '00000000-0000-4000-8000-000000000001';
    const bad = await rig.w.http.post('/tasks/urge').set(rig.auth('sup')).send({ taskIds: [task, unknown] }).expect(422);
    expect(bad.body.message).toEqual([`taskIds: 事项 ${unknown} 不存在`]);
    await rig.w.http.post('/tasks/urge').set(rig.auth('lead_staff')).send({ taskIds: [task] }).expect(403);
    await rig.w.http.post('/tasks/urge').set(rig.auth('sup_other')).send({ taskIds: [task] }).expect(403);
    await rig.w.http.post('/tasks/urge').set(rig.auth('sup')).send({ taskIds: ['x'] }).expect(400);

    const closed = rig.w.taskIds['4'];
    await rig.w.http
      .post(`/tasks/${closed}/transitions`)
      .set(rig.auth('sup'))
      .send({ to: 'suspended', reason: '暂缓', version: await rig.version(closed) })
      .expect(200);
    const refused = await rig.w.http.post('/tasks/urge').set(rig.auth('sup')).send({ taskIds: [task, closed] }).expect(422);
    expect(refused.body.message).toEqual([expect.stringMatching(/^taskIds: 事项 4.*已暂停/)]);
    expect(await urgeRows(task)).toEqual([]);
  });
});
