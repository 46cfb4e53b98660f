import { shanghaiDate } from '@app/domain';
import { ReminderRig, waitUntil } from './reminder-rig';

/** The daily digest, run by a real worker: one mail per subscribed user instead of one per reminder. */
describe('daily digest', () => {
  let rig: ReminderRig;

  beforeAll(async () => {
    rig = await ReminderRig.start();
    await rig.addUser('dig_staff', 'jyj', ['staff'], { dailyDigest: true });
    const supId = await rig.addUser('dig_sup', null, ['supervisor'], { dailyDigest: true });
    await rig.addUser('dig_leader', null, ['leader'], { dailyDigest: true });
    await rig.w.http
      .put(`/plans/${rig.w.planId}/supervisors`)
      .set(rig.auth('admin'))
      .send({ userIds: [rig.w.userIds.sup, supId], version: 2 })
      .expect(200);
    await rig.setPolicy([{ offset: 'PT0S', kind: 'remind', audience: 'responsible' }]);
    await rig.startWorker();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('a digest reader gets the reminder in the inbox but no mail per reminder', async () => {
    const task = rig.w.taskIds['3']; // lead 市教育局: other_staff, and dig_staff who reads digests
    const inboxOf = async () =>
      (await rig.w.http.get('/me/notifications').set(rig.auth('dig_staff')).expect(200)).body.items.filter((n: { taskId: string }) => n.taskId === task);
    const before = await inboxOf(); // the other test may have run first (its digest, its deadlines)
    rig.sink.clear();
    await rig.setDue(task, new Date(Date.now() + 2_000));
    await rig.sink.waitFor((m) => m.to.includes(rig.email('other_staff')), 1, 15_000);
    await waitUntil(async () => (await rig.reminders(task, ['sent'])).length === 1, 10_000, 'the reminder sent');
    await rig.drained();
    expect(rig.sink.to(rig.email('dig_staff'))).toHaveLength(0);
    expect(await inboxOf()).toHaveLength(before.length + 1);
  });

  it('one mail listing overdue, today and soon items sorted by deadline; nothing when empty; once a day', async () => {
    const now = Date.now();
    const due = {
      '4': new Date(now - 2 * 86_400_000), // overdue
      '3': new Date(now - 1 * 86_400_000), // overdue, a day later than item 4
      '2': new Date(now + 10 * 60_000), // today, unless the test runs in the last minutes of the day
      '1': new Date(now + 5 * 86_400_000), // soon
    };
    for (const code of ['4', '3', '2', '1'] as const) await rig.setDue(rig.w.taskIds[code], due[code]);
    rig.sink.clear();

    await rig.runDigest();
    const [mail] = await rig.sink.waitFor((m) => m.to.includes(rig.email('dig_sup')), 1, 15_000);
    const today = shanghaiDate(new Date()) === shanghaiDate(due['2']);
    expect(mail.subject).toBe(`【督办日报】超期 2 项，今日到期 ${today ? 1 : 0} 项，即将到期 ${today ? 1 : 2} 项`);
    const order = ['4 完善科技金融服务', '3 推进产学研合作', '2 培育高新技术企业', '1 建设科技创新平台'].map((s) => mail.text.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const sections = ['已超期（2）', today ? '今日到期（1）' : '7日内到期（2）'].map((s) => mail.text.indexOf(s));
    expect(sections.every((i) => i >= 0)).toBe(true);
    expect(sections[0]).toBeLessThan(order[0]);

    // dig_staff (市教育局) has one item, overdue; the leader has none and gets nothing.
    const [staffMail] = await rig.sink.waitFor((m) => m.to.includes(rig.email('dig_staff')), 1, 10_000);
    expect(staffMail.subject).toBe('【督办日报】超期 1 项，今日到期 0 项，即将到期 0 项');
    expect(staffMail.text).toContain('3 推进产学研合作');
    expect(staffMail.text).not.toContain('培育高新技术企业');

    // A second run the same day sends nothing more; users without digests get none.
    await rig.runDigest();
    expect(rig.mailCounts(['dig_sup', 'dig_staff', 'dig_leader', 'sup', 'lead_staff', 'resp_staff'])).toEqual({
      dig_sup: 1, dig_staff: 1, dig_leader: 0, sup: 0, lead_staff: 0, resp_staff: 0,
    });
  });
});
