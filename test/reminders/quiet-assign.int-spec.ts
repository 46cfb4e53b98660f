import { ReminderRig, waitUntil } from './reminder-rig';

/**
 * 批量指派 without notice (POST /tasks/bulk-assign with notify: false), through real HTTP, a worker and an
 * SMTP server. A unit added to an item is sent at once the reminders whose time has passed (what a
 * 交办 tells it); without notice it is sent none of those, now or after the schedule is recomputed, while
 * its later reminders stay planned and the history records the assignment.
 */
describe('bulk assign with notify: false', () => {
  let rig: ReminderRig;

  beforeAll(async () => {
    rig = await ReminderRig.start();
    await rig.setPolicy([{ offset: '-PT1H', kind: 'remind', audience: 'responsible' }]);
    await rig.startWorker();
  });
  afterAll(async () => {
    await rig?.close();
  });

  const bulk = (user: string, body: Record<string, unknown>) =>
    rig.w.http.post('/tasks/bulk-assign').set(rig.auth(user)).send({ taskIds: [rig.w.taskIds['3']], role: 'responsible', ignoreVersions: true, ...body });
  const rowsOf = (unit: string, reason: string): Promise<{ state: string; due_at: Date }[]> =>
    rig.w.ds.query(`SELECT state, due_at FROM reminders WHERE task_id = $1 AND unit_id = $2 AND reason = $3`, [rig.w.taskIds['3'], rig.w.unitIds[unit], reason]);

  it('sends the quietly added unit nothing due before it was added; a unit added with notice gets it; the history says so', async () => {
    // Item 3 (lead 市教育局) has existed for two days and is due in 30 minutes: its "-PT1H" reminder is already due.
    const task = rig.w.taskIds['3'];
    await rig.w.ds.query(`UPDATE tasks SET created_at = now() - interval '2 days' WHERE id = $1`, [task]);
    await rig.setDue(task, new Date(Date.now() + 30 * 60_000));

    const before = await rig.w.ds.query(`SELECT count(*)::int AS n FROM assignments WHERE task_id = $1`, [task]);
    await bulk('lead_staff', { unitId: rig.w.unitIds.jxj, notify: false }).expect(403);
    await bulk('sup', { unitId: rig.w.unitIds.jxj, notify: 'no' }).expect(400);
    expect(await rig.w.ds.query(`SELECT count(*)::int AS n FROM assignments WHERE task_id = $1`, [task])).toEqual(before);

    const quiet = await bulk('sup', { unitId: rig.w.unitIds.jxj, notify: false }).expect(200);
    expect(quiet.body.tasks[0].change).toBe('added');
    await bulk('sup', { unitId: rig.w.unitIds.fgw }).expect(200); // with notice: the control
    // A later change recomputes the schedule; what was never due for the quiet unit stays so.
    await bulk('sup', { unitId: rig.w.unitIds.czj, role: 'assisting' }).expect(200);

    await rig.sink.waitFor((m) => m.to.includes(rig.email('resp2_staff')), 1, 20_000);
    await rig.drained();
    expect(rig.mailCounts(['resp_staff', 'resp2_staff'])).toEqual({ resp_staff: 0, resp2_staff: 1 });
    expect(await rowsOf('jxj', 'deadline')).toEqual([]);
    // Its reminders still to come are planned as for any unit: it must still 签收.
    const ack = await rowsOf('jxj', 'acknowledgement');
    expect(ack.length).toBeGreaterThan(0);
    expect(ack.every((r) => r.state === 'pending' && r.due_at.getTime() > Date.now())).toBe(true);

    const history = await rig.w.http.get(`/tasks/${task}/history`).set(rig.auth('sup')).expect(200);
    const assigned = history.body.items.filter((e: { action: string }) => e.action === 'task.assignment_changed');
    expect(assigned.map((e: { after: unknown }) => e.after)).toEqual(
      expect.arrayContaining([
        { unitId: rig.w.unitIds.jxj, unitName: '市经信局', role: 'responsible', notify: false },
        { unitId: rig.w.unitIds.fgw, unitName: '市发改委', role: 'responsible' },
      ]),
    );
    await waitUntil(async () => (await rowsOf('fgw', 'deadline')).every((r) => r.state === 'sent'), 20_000, 'the control unit’s reminder sent');
  });
});
