import { PolicyStep, ReminderRig, waitUntil } from './reminder-rig';

/**
 * Ten policy steps one second apart for items 2 and 4 (two units each owe them; item 2's assisting
 * unit is not reminded): 40 reminders to staff, due within ten seconds of the deadline.
 */
const TEN_STEPS: PolicyStep[] = Array.from({ length: 10 }, (_, i) => ({ offset: `PT${i}S`, kind: 'remind', audience: 'responsible' }));

/** Real worker processes: two at once never send a reminder twice; a killed one loses nothing. */
describe('reminders with two workers and a killed worker', () => {
  let rig: ReminderRig;
  const tasks = () => [rig.w.taskIds['2'], rig.w.taskIds['4']];

  beforeAll(async () => {
    // A killed worker's running jobs are stalled in BullMQ until a live worker's check: every 2 s here
    // (30 s by default), so "nothing left to send" is waited for in seconds.
    rig = await ReminderRig.start({ WORKER_STALLED_SECONDS: '2' });
    await rig.setPolicy(TEN_STEPS);
  });
  afterAll(async () => {
    await rig?.close();
  });
  // Each test starts from the ten-step policy (one test changes it) and an empty sink. No worker runs
  // here: both deadlines go a day ahead first, so no step planned from an earlier test's deadline is due.
  beforeEach(async () => {
    for (const t of tasks()) await rig.setDue(t, new Date(Date.now() + 86_400_000));
    await rig.setPolicy(TEN_STEPS);
    rig.sink.clear();
  });
  afterEach(async () => {
    for (const w of rig.workers) await rig.stopWorker(w, 'SIGKILL');
    rig.sink.acceptDelayMs = 0;
  });

  /**
   * The live reminders both items have for a deadline `due`, whatever their state: a worker may already
   * be sending the first ones. Earlier tests' rows of the same items are sent or cancelled, and fell due
   * before this deadline.
   */
  async function planned(due: Date) {
    const rows = (await Promise.all(tasks().map((t) => rig.reminders(t, ['pending', 'enqueued', 'sending', 'sent'])))).flat();
    return rows.filter((r) => r.due_at.getTime() >= due.getTime());
  }

  /** Sets both items due at `due` and returns the 40 reminder ids. */
  async function schedule(due: Date): Promise<string[]> {
    for (const t of tasks()) await rig.setDue(t, due);
    const ids = (await planned(due)).map((r) => r.id);
    expect(ids).toHaveLength(40);
    return ids;
  }

  async function allSent(ids: string[]) {
    await waitUntil(async () => {
      const [{ n }] = await rig.w.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND state = 'sent'`, [ids]);
      return n === ids.length;
    }, 45_000, `all ${ids.length} reminders sent`);
  }

  it('two workers at once: 40 reminders due within seconds, each sent exactly once', async () => {
    await Promise.all([rig.startWorker(), rig.startWorker()]);
    const ids = await schedule(new Date(Date.now() + 2_000));
    await allSent(ids);
    await rig.drained(); // no job left that could send one again

    const recorded = await rig.recordedEmails(ids);
    expect(recorded).toHaveLength(40);
    const perReminder = rig.mailsPerReminder();
    expect([...perReminder.keys()].sort()).toEqual(recorded);
    const twice = [...perReminder.entries()].filter(([, n]) => n !== 1);
    expect(twice).toEqual([]);
  });

  it('a worker killed with SIGKILL mid-batch: a second worker sends the rest; only a send in flight at the kill may repeat', async () => {
    rig.sink.acceptDelayMs = 150; // a slow server: the batch takes a few seconds, and sends are in flight at the kill
    const first = await rig.startWorker();
    const ids = await schedule(new Date(Date.now() + 1_500));
    await rig.sink.waitFor(() => true, 12, 20_000);
    await rig.stopWorker(first, 'SIGKILL');
    const inFlight: { id: string }[] = await rig.w.ds.query(`SELECT id FROM reminders WHERE id = ANY($1::uuid[]) AND state = 'sending'`, [ids]);
    const [{ n: sentBefore }] = await rig.w.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND state = 'sent'`, [ids]);
    expect(sentBefore).toBeLessThan(40); // the kill really was mid-batch
    expect(inFlight.length).toBeGreaterThan(0);

    await rig.startWorker();
    await allSent(ids); // including those the dead worker held: its leases ran out and the sweep handed them on
    // The dead worker's jobs are still 'active' in Redis until the stalled check hands them to the live
    // worker; once none is left, every send that can ever happen has happened.
    await rig.drained();

    const recorded = await rig.recordedEmails(ids);
    expect(recorded).toHaveLength(40);
    const perReminder = rig.mailsPerReminder();
    // Nothing lost: every recorded delivery reached the server.
    for (const k of recorded) expect(perReminder.get(k) ?? 0).toBeGreaterThanOrEqual(1);
    // At-least-once only at the crash edge: a repeat is always one the dead worker was sending.
    const repeated = [...perReminder.entries()].filter(([, n]) => n > 1).map(([k]) => k.split(' ')[0]);
    const held = new Set(inFlight.map((r) => r.id));
    expect(repeated.filter((id) => !held.has(id))).toEqual([]);
    expect([...perReminder.values()].every((n) => n <= 2)).toBe(true);
  });

  it('a worker killed between jobs: nothing lost and nothing sent twice', async () => {
    const first = await rig.startWorker();
    // Two waves: the first is sent before the kill, the second is still waiting in Redis. The policy comes
    // first: changed after the deadline, the ten-step rows of that deadline could already be sending.
    await rig.setPolicy([...TEN_STEPS.slice(0, 5), ...TEN_STEPS.slice(5).map((s, i) => ({ ...s, offset: `PT${12 + i}S` }))]);
    const due = new Date(Date.now() + 1_500);
    for (const t of tasks()) await rig.setDue(t, due);
    const rows = await planned(due);
    const ids = rows.map((r) => r.id);
    expect(ids).toHaveLength(40);
    const firstWave = rows.filter((r) => r.due_at.getTime() < due.getTime() + 5_000).map((r) => r.id);
    expect(firstWave).toHaveLength(20);
    await waitUntil(async () => {
      const rows: { state: string }[] = await rig.w.ds.query(`SELECT state FROM reminders WHERE id = ANY($1::uuid[])`, [ids]);
      return rows.filter((r) => r.state === 'sent').length === 20 && !rows.some((r) => r.state === 'sending');
    }, 20_000, 'the first wave sent');
    await rig.stopWorker(first, 'SIGKILL');

    await rig.startWorker();
    await allSent(ids);
    await rig.drained();
    const recorded = await rig.recordedEmails(ids);
    expect(recorded).toHaveLength(40);
    const perReminder = rig.mailsPerReminder();
    expect([...perReminder.keys()].sort()).toEqual(recorded);
    expect([...perReminder.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  });
});
