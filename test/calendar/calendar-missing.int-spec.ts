import { parseIsoDate, shanghaiDate } from '@app/domain';
import { ReminderRig } from '../reminders/reminder-rig';

/** The year /health and the supervisors are told about today: next year from 1 November, else this year. */
function yearDueNow(): number {
  const { year, month } = parseIsoDate(shanghaiDate(new Date()));
  return month >= 11 ? year + 1 : year;
}

/** A missing calendar is said on /health and told to supervisors once, by the worker's morning job. */
describe('a year without a working-day calendar', () => {
  let rig: ReminderRig;
  const year = yearDueNow();

  beforeAll(async () => {
    rig = await ReminderRig.start();
    // Whatever the seed covers, the year due now has no calendar here.
    await rig.w.ds.query(`DELETE FROM calendar_days WHERE year = $1`, [year]);
    await rig.w.ds.query(`UPDATE calendar_years SET complete = false, revision = nextval('calendar_revision_seq') WHERE year = $1`, [year]);
    await rig.startWorker();
  });
  afterAll(async () => {
    await rig?.close();
  });

  const notices = async (user: string) => {
    const inbox = await rig.w.http.get('/me/notifications').set(rig.auth(user)).expect(200);
    return inbox.body.items.filter((n: { subject: string }) => n.subject === `${year} 年工作日历尚未录入`);
  };

  it('/health says which year is missing, and stops saying it once the year is complete', async () => {
    const health = await rig.w.http.get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.details.calendar).toMatchObject({ status: 'up', missingYear: year, message: expect.stringContaining(`${year} 年工作日历尚未录入`) });

    await rig.w.http.put('/work-calendar/years').set(rig.auth('admin')).send({ year, complete: true }).expect(200);
    expect((await rig.w.http.get('/health').expect(200)).body.details.calendar).toEqual({ status: 'up' });
    await rig.w.http.put('/work-calendar/years').set(rig.auth('admin')).send({ year, complete: false }).expect(200);
    expect((await rig.w.http.get('/health').expect(200)).body.details.calendar.missingYear).toBe(year);
  });

  it('every supervisor gets one inbox notice, however often the morning job runs', async () => {
    await rig.runDigest();
    await rig.runDigest();
    for (const sup of ['sup', 'sup_other']) {
      const [notice, ...more] = await notices(sup);
      expect(more).toEqual([]);
      expect(notice.body).toContain('国务院办公厅');
    }
    expect(await notices('lead_staff')).toEqual([]);
  });
});
