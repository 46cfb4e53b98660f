import { ReminderRig, waitUntil } from './reminder-rig';

/**
 * Reminders set seconds ahead through the API, delivered by a real worker process to a real SMTP
 * server: on time, once, to the right people; and rescheduled, cancelled and re-addressed by changes.
 */
describe('reminder schedule, end to end', () => {
  let rig: ReminderRig;
  let worker: Awaited<ReturnType<ReminderRig['startWorker']>>;
  const everyone = ['lead_staff', 'lead_head', 'resp_staff', 'resp_head', 'resp2_staff', 'assist_staff', 'other_staff', 'sup', 'leader'];

  beforeAll(async () => {
    rig = await ReminderRig.start();
    await rig.addUser('resp_head', 'jxj', ['unit_head']);
    await rig.setPolicy([
      { offset: 'PT0S', kind: 'remind', audience: 'responsible' },
      { offset: 'PT2S', kind: 'urge', audience: 'unit_head' },
    ]);
    worker = await rig.startWorker();
  });
  afterAll(async () => {
    await rig?.close();
  });
  beforeEach(() => rig.sink.clear());

  it('sends reminders set seconds ahead within 2 s of their time, once each, to the staff and the unit heads', async () => {
    // Item 2: lead 市科技局, responsible 市经信局, assisting 市财政局 — the units that owe the item are reminded, not the assisting one.
    const task = rig.w.taskIds['2'];
    const due = new Date(Date.now() + 3_000);
    await rig.setDue(task, due);
    const rows = await rig.reminders(task, ['pending', 'enqueued']);
    const remind = rows.filter((r) => r.kind === 'remind' && r.due_at.getTime() === due.getTime());
    const urge = rows.filter((r) => r.kind === 'urge' && r.due_at.getTime() === due.getTime() + 2_000);
    expect(remind.map((r) => r.unit_id).sort()).toEqual([rig.w.unitIds.kjj, rig.w.unitIds.jxj].sort());
    expect(urge).toHaveLength(2);

    const staff = ['lead_staff', 'resp_staff'];
    const heads = ['lead_head', 'resp_head'];
    await rig.sink.waitFor(() => true, staff.length + heads.length, 15_000);
    await waitUntil(async () => (await rig.reminders(task, ['sent'])).length === 4, 10_000, 'all four rows sent');
    await rig.drained(); // anything sent twice would have been sent by now

    expect(rig.mailCounts(everyone)).toEqual({
      lead_staff: 1, lead_head: 1, resp_staff: 1, resp_head: 1, resp2_staff: 0, assist_staff: 0, other_staff: 0, sup: 0, leader: 0,
    });
    for (const u of staff) {
      const [m] = rig.sink.to(rig.email(u));
      expect(m.subject).toMatch(/^【蓝色提醒】2 培育高新技术企业/);
      expect(m.receivedAt - due.getTime()).toBeGreaterThanOrEqual(-50);
      expect(m.receivedAt - due.getTime()).toBeLessThanOrEqual(2_000);
    }
    for (const u of heads) {
      const [m] = rig.sink.to(rig.email(u));
      expect(m.subject).toMatch(/^【黄色催办】2 培育高新技术企业/);
      expect(m.receivedAt - (due.getTime() + 2_000)).toBeGreaterThanOrEqual(-50);
      expect(m.receivedAt - (due.getTime() + 2_000)).toBeLessThanOrEqual(2_000);
    }
    // The inbox has the same, once per person.
    const inbox = await rig.w.http.get('/me/notifications').set(rig.auth('resp_staff')).expect(200);
    expect(inbox.body.items.filter((n: { taskId: string }) => n.taskId === task)).toHaveLength(1);
    const sent = await rig.reminders(task, ['sent']);
    expect(sent.every((r) => !r.late && r.attempts === 1)).toBe(true);
  });

  it('moving a deadline reschedules: the old time sends nothing, the new time sends', async () => {
    // Item 1 (its own, so the tests run in any order): 市发改委, whose staff is resp2_staff, owes it.
    const task = rig.w.taskIds['1'];
    // The old time leaves the move itself a few seconds, which a busy machine can take.
    const old = new Date(Date.now() + 5_000);
    await rig.setDue(task, old);
    const later = new Date(old.getTime() + 3_500);
    await rig.setDue(task, later);
    const rows = await rig.reminders(task);
    const oldTimes = [old.getTime(), old.getTime() + 2_000];
    const atOld = rows.filter((r) => oldTimes.includes(r.due_at.getTime()));
    expect(atOld.length).toBe(6); // remind and urge for each of its three units
    expect(atOld.every((r) => r.state === 'cancelled')).toBe(true);

    // The first mail to arrive is the one at the new time: the old time, earlier, sent nothing. (How soon after
    // the new time it arrives is the worker's speed, which a test does not judge; the wait is a hang guard.)
    const [m] = await rig.sink.waitFor((x) => x.to.includes(rig.email('resp2_staff')), 1, 60_000);
    expect(m.receivedAt).toBeGreaterThanOrEqual(later.getTime() - 50);
    // Its urges to the unit heads come 2 s later: wait for them, or they would reach the next test's sink.
    // (Only the rows of this deadline: item 1's steps have reminders of their own, due years ahead.)
    const ofLater = async () => (await rig.reminders(task, ['pending', 'enqueued', 'sending'])).filter((r) => r.due_at.getTime() <= later.getTime() + 2_000);
    await waitUntil(async () => (await ofLater()).length === 0, 30_000, 'rows settled');
    await rig.drained();
    expect(rig.mailCounts(['resp2_staff'])).toEqual({ resp2_staff: 1 });
  });

  it('completing an item (approve) cancels its reminders', async () => {
    const task = rig.w.taskIds['3'];
    const post = (user: string, path: string, body: object) => rig.w.http.post(path).set(rig.auth(user)).send(body);
    // No worker while the item is completed: on a busy machine the steps below can outlast any lead time,
    // and the reminders must still be in Redis, due, when a worker next looks.
    await rig.stopWorker(worker);
    const due = new Date(Date.now() + 1_000);
    await rig.setDue(task, due);
    expect((await rig.reminders(task, ['pending', 'enqueued'])).length).toBeGreaterThan(0);
    rig.sink.clear();

    await post('other_staff', `/tasks/${task}/transitions`, { to: 'acknowledged', version: await rig.version(task) }).expect(200);
    await post('other_staff', `/tasks/${task}/progress`, { percent: 100, note: '已完成' }).expect(201);
    const sub = await post('other_staff', `/tasks/${task}/submit`, { version: await rig.version(task) }).expect(200);
    await post('sup', `/tasks/${task}/review`, { decision: 'approve', version: sub.body.version }).expect(200);
    const live = await rig.reminders(task, ['pending', 'enqueued', 'sending']);
    expect(live).toEqual([]);

    // Jobs already in Redis for the cancelled rows fire at their time and send nothing.
    worker = await rig.startWorker();
    await rig.drained(new Date(due.getTime() + 2_000));
    // Only this item's reminders count: an earlier test's urges of other items may still reach unit heads.
    const ours = new Set((await rig.reminders(task)).map((r) => r.id));
    const mailed = [...rig.mailsPerReminder().keys()].filter((k) => ours.has(k.split(' ')[0]));
    expect(mailed).toEqual([]);
    const times = [due.getTime(), due.getTime() + 2_000];
    expect((await rig.reminders(task)).filter((r) => times.includes(r.due_at.getTime())).map((r) => r.state)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('assigning another unit changes the recipients', async () => {
    // Item 4: lead 市经信局, responsible 市科技局 (the units item 2 has, but an item of its own).
    const task = rig.w.taskIds['4'];
    const due = new Date(Date.now() + 4_000);
    await rig.setDue(task, due);
    // 市发改委 joins as a responsible unit: its staff is reminded too.
    await rig.w.http
      .post('/tasks/bulk-assign')
      .set(rig.auth('sup'))
      .send({ taskIds: [task], unitId: rig.w.unitIds.fgw, role: 'responsible', ignoreVersions: true })
      .expect(200);
    const rows = await rig.reminders(task, ['pending', 'enqueued']);
    expect(rows.filter((r) => r.kind === 'remind').map((r) => r.unit_id).sort()).toEqual(
      [rig.w.unitIds.kjj, rig.w.unitIds.jxj, rig.w.unitIds.fgw].sort(),
    );

    await rig.sink.waitFor(() => true, 5, 15_000); // 3 staff + 2 heads
    await waitUntil(async () => (await rig.reminders(task, ['pending', 'enqueued', 'sending'])).length === 0, 10_000, 'rows settled');
    await rig.drained();
    expect(rig.mailCounts(everyone)).toEqual({
      lead_staff: 1, lead_head: 1, resp_staff: 1, resp_head: 1, resp2_staff: 1, assist_staff: 0, other_staff: 0, sup: 0, leader: 0,
    });
  });
});
