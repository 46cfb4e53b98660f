import { acknowledgementDueAt, addWorkdays, CalendarDay, HolidayCalendar, shanghaiDate, zonedInstant } from '@app/domain';
import { ReminderRig, waitUntil } from '../reminders/reminder-rig';

/**
 * Every setting the domain reads, at a value other than its default, each with an effect a user
 * sees: due time 17:30 (default 18:00), yellow 2 working days (5), acknowledgement 5 working days
 * (3), the digest at 07:45 (08:30), quiet hours on a plan, and PUBLIC_URL left to follow PORT.
 */
const SETTINGS = { DUE_TIME: '17:30', YELLOW_WORKDAYS: '2', ACK_WORKDAYS: '5', DIGEST_TIME: '07:45', PORT: '4567' };

describe('non-default settings take effect', () => {
  let rig: ReminderRig;
  let calendar: HolidayCalendar;
  const sh = (iso: string) => new Date(`${iso}+08:00`).toISOString();

  beforeAll(async () => {
    // PUBLIC_URL unset: links must follow PORT, not a fixed port 3000.
    delete process.env.PUBLIC_URL;
    rig = await ReminderRig.start(SETTINGS);
    await rig.startWorker();
    calendar = new HolidayCalendar(await rig.w.ds.query<CalendarDay[]>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM calendar_days`));
  });
  afterAll(async () => {
    await rig?.close();
  });

  const task = async (id: string) => (await rig.w.http.get(`/tasks/${id}`).set(rig.auth('sup')).expect(200)).body;

  it('DUE_TIME: imported deadlines, a deadline a supervisor moves, and an extension asked for and approved fall due at 17:30', async () => {
    expect((await task(rig.w.taskIds['1'])).dueAt).toBe(sh('2030-12-31T17:30:00'));

    const id = rig.w.taskIds['2'];
    const moved = await rig.w.http.patch(`/tasks/${id}`).set(rig.auth('sup')).send({ dueAt: '2030-07-15', version: await rig.version(id) }).expect(200);
    expect(moved.body.dueAt).toBe(sh('2030-07-15T17:30:00'));

    const asked = await rig.w.http
      .post(`/tasks/${id}/extensions`)
      .set(rig.auth('lead_staff'))
      .send({ requestedDueAt: '2030-08-30', reason: '等待配套资金' })
      .expect(201);
    expect(asked.body.requestedDueAt).toBe(sh('2030-08-30T17:30:00'));
    await rig.w.http.post(`/extensions/${asked.body.id}/decision`).set(rig.auth('sup')).send({ decision: 'approve', version: asked.body.version }).expect(200);
    expect((await task(id)).dueAt).toBe(sh('2030-08-30T17:30:00'));
  });

  it('YELLOW_WORKDAYS: an item 3 working days from its deadline is green, 2 days yellow, in the item and in the filtered list', async () => {
    const today = shanghaiDate(new Date());
    const [green, yellow] = [rig.w.taskIds['3'], rig.w.taskIds['4']];
    await rig.setDue(green, zonedInstant(addWorkdays(calendar, today, 3), '17:30'));
    await rig.setDue(yellow, zonedInstant(addWorkdays(calendar, today, 2), '17:30'));
    expect((await task(green)).light).toBe('green'); // yellow with the default of 5
    expect((await task(yellow)).light).toBe('yellow');
    const list = await rig.w.http.get(`/tasks?planId=${rig.w.planId}&light=yellow`).set(rig.auth('sup')).expect(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toEqual([yellow]);
  });

  it('ACK_WORKDAYS: a unit that has not acknowledged is urged at 17:30 on the 5th working day after assignment', async () => {
    const id = rig.w.taskIds['1'];
    await rig.setPolicy([{ offset: '-P1D', kind: 'remind', audience: 'responsible' }]); // no quiet hours
    const [a] = await rig.w.ds.query(`SELECT created_at FROM assignments WHERE task_id = $1 AND unit_id = $2`, [id, rig.w.unitIds.kjj]);
    const [urge] = await rig.w.ds.query(
      `SELECT due_at FROM reminders WHERE task_id = $1 AND unit_id = $2 AND key LIKE '%:ack.urge:%' AND state <> 'cancelled'`,
      [id, rig.w.unitIds.kjj],
    );
    const fifth = addWorkdays(calendar, shanghaiDate(a.created_at), 5);
    expect(urge.due_at.toISOString()).toBe(sh(`${fifth}T17:30:00`));
    expect(urge.due_at).toEqual(acknowledgementDueAt(a.created_at, calendar, 5, '17:30'));
  });

  it('DIGEST_TIME: the worker schedules the daily digest at 07:45 Shanghai time', async () => {
    await waitUntil(async () => (await rig.queue.getJobScheduler('daily-digest')) !== undefined, 20_000, 'the digest schedule');
    const digest = await rig.queue.getJobScheduler('daily-digest');
    expect(digest).toMatchObject({ pattern: '45 7 * * *', tz: 'Asia/Shanghai' });
  });

  it('quiet hours: a plan quiet from 17:00 to 19:00 sends the 17:30 deadline reminder at 19:00', async () => {
    const id = rig.w.taskIds['1'];
    const cur = await rig.w.http.get(`/plans/${rig.w.planId}/reminder-policy`).set(rig.auth('sup')).expect(200);
    const steps = [{ offset: 'PT0S', kind: 'remind', audience: 'lead', channels: ['inbox'] }];
    await rig.w.http
      .put(`/plans/${rig.w.planId}/reminder-policy`)
      .set(rig.auth('sup'))
      .send({ policy: { steps, quietHours: { start: '17:00', end: '19:00' } }, version: cur.body.version })
      .expect(200);
    const [row] = await rig.reminders(id, ['pending']);
    expect(row.due_at.toISOString()).toBe(sh('2030-12-31T19:00:00'));
  });

  it('PUBLIC_URL follows PORT: feed and mail links point at http://localhost:4567', async () => {
    const feed = await rig.w.http.post('/me/calendar-token').set(rig.auth('other_staff')).expect(201);
    expect(feed.body.url).toMatch(/^http:\/\/localhost:4567\/calendar\//);

    await rig.setPolicy([{ offset: 'PT0S', kind: 'remind', audience: 'responsible' }]);
    await rig.setDue(rig.w.taskIds['3'], new Date(Date.now() + 1_000)); // lead 市教育局: other_staff
    const [mail] = await rig.sink.waitFor((m) => m.to.includes(rig.email('other_staff')), 1, 20_000);
    expect(mail.text).toContain(`http://localhost:4567/app/`);
  });
});
