import { pdf } from '../support/evidence-files';
import { ReminderRig, waitUntil } from '../reminders/reminder-rig';

/** 18:00 Shanghai on a date: how a date deadline is stored (DUE_TIME). */
const at18 = (date: string) => new Date(`${date}T18:00:00+08:00`).toISOString();

/**
 * 立项 by hand, 交办件 and 分办 over HTTP, against PostgreSQL, Redis, a real worker process and the
 * SMTP sink.
 */
describe('立项 by hand, 交办件 and 分办', () => {
  let rig: ReminderRig;
  const http = () => rig.w.http;
  const auth = (u: string) => rig.auth(u);

  beforeAll(async () => {
    rig = await ReminderRig.start();
    await rig.addUser('lead_staff2', 'kjj', ['staff']);
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** A 交办件 led by 市科技局, as the supervisor `sup`; returns the item as GET /tasks/:id shows it. */
  async function assignedItem(extra: Record<string, unknown> = {}) {
    const res = await http()
      .post('/tasks')
      .set(auth('sup'))
      .send({ sourceType: '领导批示', year: 2030, title: `交办事项 ${Math.random().toString(36).slice(2, 8)}`, deadline: '2030-12-31', leadUnits: ['市科技局'], ...extra })
      .expect(201);
    return res.body as { id: string; planId: string; title: string; version: number; dueAt: string; assignments: { unitId: string; role: string; version: number; assignee: unknown }[] };
  }

  async function setPlanPolicy(planId: string, steps: { offset: string; kind: string; audience: string }[]) {
    const cur = await http().get(`/plans/${planId}/reminder-policy`).set(auth('sup')).expect(200);
    await http()
      .put(`/plans/${planId}/reminder-policy`)
      .set(auth('sup'))
      .send({ policy: { steps: steps.map((s) => ({ ...s, channels: ['email', 'inbox'] })), quietHours: null }, version: cur.body.version })
      .expect(200);
  }

  const count = async (table: string) => (await rig.w.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const audits = (taskId: string, action: string) =>
    rig.w.ds.query(`SELECT actor_name, before, after FROM audit_events WHERE task_id = $1 AND action = $2 ORDER BY id`, [taskId, action]);

  it('a 交办件 is created in one call with its source, 文号, document, deadline in words, steps, indicators and units', async () => {
    const file = await http().post('/files').set(auth('sup')).attach('file', pdf(8 * 1024), { filename: '市长批示件.pdf' }).expect(201);
    const res = await http()
      .post('/tasks')
      .set(auth('sup'))
      .send({
        sourceType: '领导批示',
        issuer: '市人民政府',
        docNumber: '市长批示〔2030〕7号',
        year: 2030,
        sourceFileId: file.body.id,
        title: '加快建设概念验证中心',
        content: '按市长批示要求，年内建成并运营',
        deadline: '9月底前',
        steps: [{ text: '完成选址', deadline: '6月底前' }, { text: '投入运营', deadline: '9月底前' }],
        indicators: [{ name: '概念验证中心', value: 3, unit: '家', comparator: '>=' }],
        leadUnits: ['科技局'],
        responsibleUnits: ['市经信局'],
        assistingUnits: ['市财政局'],
      })
      .expect(201);
    const item = res.body;
    expect(item).toMatchObject({ title: '加快建设概念验证中心', code: '1', deadlineText: '9月底前', dueAt: at18('2030-09-30'), status: 'assigned' });
    expect(item.steps.map((s: { text: string; dueAt: string }) => [s.text, s.dueAt])).toEqual([
      ['完成选址', at18('2030-06-30')],
      ['投入运营', at18('2030-09-30')],
    ]);
    expect(item.indicators).toEqual([{ name: '概念验证中心', value: 3, unit: '家', comparator: '>=', deadline: null }]);
    expect(item.assignments.map((a: { unitName: string; role: string }) => `${a.role}:${a.unitName}`)).toEqual(['lead:市科技局', 'responsible:市经信局', 'assisting:市财政局']);

    const plan = await http().get(`/plans/${item.planId}`).set(auth('sup')).expect(200);
    expect(plan.body).toMatchObject({ title: '加快建设概念验证中心', sourceType: '领导批示', issuer: '市人民政府', docNumber: '市长批示〔2030〕7号', year: 2030, sourceFileName: '市长批示件.pdf' });
    expect(plan.body.supervisors.map((s: { username: string }) => s.username)).toEqual(['sup']);
    const files = await http().get(`/plans/${item.planId}/files`).set(auth('sup')).expect(200);
    expect(JSON.stringify(files.body)).toContain(file.body.id);
    expect(await audits(item.id, 'task.created_by_hand')).toHaveLength(1);
    const [{ n }] = await rig.w.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE task_id = $1 AND state = 'pending'`, [item.id]);
    expect(n).toBeGreaterThan(0);
    // The lead unit sees it on its 工作台.
    const bench = await http().get('/me/tasks?tab=to_acknowledge').set(auth('lead_staff')).expect(200);
    expect(bench.body.items.map((t: { id: string }) => t.id)).toContain(item.id);
  });

  it('a 交办件 with an unreadable deadline or an unknown unit is refused by field, in Chinese, and nothing is written', async () => {
    const [plans, tasks] = [await count('plans'), await count('tasks')];
    const res = await http()
      .post('/tasks')
      .set(auth('sup'))
      .send({ sourceType: '整改', title: '整改事项', deadline: '尽快', leadUnits: ['市不存在局'] })
      .expect(422);
    expect(res.body.message).toEqual([
      expect.stringMatching(/^deadline: 完成时限「尽快」无法识别/),
      expect.stringMatching(/^leadUnits: 单位「市不存在局」不在单位名录中/),
    ]);
    await http().post('/tasks').set(auth('sup')).send({ sourceType: '批示', title: 'x', deadline: '2030-01-01', leadUnits: ['市科技局'] }).expect(400);
    await http().post('/tasks').set(auth('lead_head')).send({ sourceType: '其他', title: 'x', deadline: '2030-01-01', leadUnits: ['市科技局'] }).expect(403);
    expect([await count('plans'), await count('tasks')]).toEqual([plans, tasks]);
  });

  it('分办: the named 承办人 alone gets the first reminder; 催办 reaches the whole unit', async () => {
    const item = await assignedItem();
    await setPlanPolicy(item.planId, [
      { offset: 'PT0S', kind: 'remind', audience: 'responsible' },
      { offset: 'PT1S', kind: 'urge', audience: 'responsible' },
    ]);
    const part = (await http().get(`/tasks/${item.id}`).set(auth('lead_head')).expect(200)).body;
    expect(part.permissions.canAssign).toBe(true);
    const lead = part.assignments[0];
    // Staff may not, unless the unit allows it; nobody from outside the unit may.
    expect((await http().get(`/tasks/${item.id}`).set(auth('lead_staff')).expect(200)).body.permissions.canAssign).toBe(false);
    await http().put(`/tasks/${item.id}/assignee`).set(auth('lead_staff')).send({ userId: rig.w.userIds.lead_staff, version: lead.version }).expect(403);
    await http().put(`/tasks/${item.id}/assignee`).set(auth('sup')).send({ userId: rig.w.userIds.lead_staff, version: lead.version, unitId: lead.unitId }).expect(403);
    const stranger = await http().put(`/tasks/${item.id}/assignee`).set(auth('lead_head')).send({ userId: rig.w.userIds.resp_staff, version: lead.version }).expect(422);
    expect(JSON.stringify(stranger.body.message)).toContain('承办人须是市科技局的在岗人员');

    const named = await http()
      .put(`/tasks/${item.id}/assignee`)
      .set(auth('lead_head'))
      .send({ userId: rig.w.userIds.lead_staff2, version: lead.version })
      .expect(200);
    expect(named.body).toMatchObject({ unitId: lead.unitId, assignee: { id: rig.w.userIds.lead_staff2, name: 'lead_staff2' }, version: lead.version + 1 });
    await http().put(`/tasks/${item.id}/assignee`).set(auth('lead_head')).send({ userId: rig.w.userIds.lead_staff, version: lead.version }).expect(409);
    expect(await audits(item.id, 'task.assignee_changed')).toEqual([
      expect.objectContaining({ actor_name: 'lead_head', after: expect.objectContaining({ assigneeId: rig.w.userIds.lead_staff2 }) }),
    ]);

    // 分给我: the named person's tab holds it, the colleague's does not.
    const mine = await http().get('/me/tasks?tab=mine').set(auth('lead_staff2')).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: item.id, assignedToMe: true, assignee: { id: rig.w.userIds.lead_staff2, name: 'lead_staff2' } })]);
    // (other tests of this file may have named lead_staff on items of their own: they run in any order)
    const colleague: { id: string }[] = (await http().get('/me/tasks?tab=mine').set(auth('lead_staff')).expect(200)).body.items;
    expect(colleague.map((t) => t.id)).not.toContain(item.id);
    expect((await http().get('/me/tasks/counts').set(auth('lead_staff2')).expect(200)).body.mine).toBe(mine.body.total);

    rig.sink.clear();
    await rig.startWorker();
    await rig.setDue(item.id, new Date(Date.now() + 1_500));
    const rows = await rig.reminders(item.id, ['pending', 'enqueued']);
    expect(rows.map((r) => r.kind)).toEqual(['remind', 'urge']);
    await waitUntil(async () => {
      const sent: { n: number }[] = await rig.w.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND state = 'sent'`, [rows.map((r) => r.id)]);
      return sent[0].n === 2;
    }, 30_000, 'the remind and the urge sent');
    const [remind, urge] = rows.map((r) => r.id);
    const mailed = (id: string) => rig.sink.messages.filter((m) => m.headers['x-duban-reminder'] === id).flatMap((m) => m.to).sort();
    expect(mailed(remind)).toEqual([rig.email('lead_staff2')]);
    expect(mailed(urge)).toEqual([rig.email('lead_head'), rig.email('lead_staff'), rig.email('lead_staff2')].sort());

    // The people report counts the item for the named 承办人, though nobody has reported on it.
    const people = await http().get(`/reports/people?unitId=${lead.unitId}&limit=200`).set(auth('sup')).expect(200);
    const row = (u: string) => people.body.items.find((p: { username: string }) => p.username === u);
    expect(row('lead_staff2').items).toBeGreaterThanOrEqual(1);
    const unnamed = (await http().get(`/reports/people?unitId=${lead.unitId}&planId=${item.planId}`).set(auth('sup')).expect(200)).body.items;
    expect(unnamed.map((p: { username: string; items: number }) => [p.username, p.items])).toEqual(
      expect.arrayContaining([['lead_staff2', 1], ['lead_staff', 0], ['lead_head', 0]]),
    );
  });

  it('the unit setting lets staff name the 承办人', async () => {
    const item = await assignedItem();
    const unit = (await http().get(`/units/${rig.w.unitIds.kjj}`).set(auth('admin')).expect(200)).body;
    await http().patch(`/units/${unit.id}`).set(auth('admin')).send({ version: unit.version, staffMayAssign: true }).expect(200);
    try {
      const part = (await http().get(`/tasks/${item.id}`).set(auth('lead_staff')).expect(200)).body;
      expect(part.permissions.canAssign).toBe(true);
      await http().put(`/tasks/${item.id}/assignee`).set(auth('lead_staff')).send({ userId: rig.w.userIds.lead_staff, version: part.assignments[0].version }).expect(200);
    } finally {
      const now = (await http().get(`/units/${unit.id}`).set(auth('admin')).expect(200)).body;
      await http().patch(`/units/${unit.id}`).set(auth('admin')).send({ version: now.version, staffMayAssign: false }).expect(200);
    }
  });

  it('an edit is versioned (409 on stale), audited, and reschedules the reminders in the same transaction', async () => {
    const item = await assignedItem({ steps: [{ code: 'a', text: '调研', deadline: '6月底前' }] });
    const before = await rig.reminders(item.id, ['pending', 'enqueued']);
    expect(before.length).toBeGreaterThan(0);
    const url = `/plans/${item.planId}/tasks/${item.id}`;

    const res = await http()
      .patch(url)
      .set(auth('sup'))
      .send({ version: item.version, title: '改后的标题', deadline: '三季度', steps: [{ code: 'a', text: '调研并形成方案', deadline: '7月底前' }], responsibleUnits: ['市发改委'] })
      .expect(200);
    expect(res.body).toMatchObject({ title: '改后的标题', dueAt: at18('2030-09-30'), deadlineText: '三季度', version: item.version + 1 });
    expect(res.body.steps).toEqual([expect.objectContaining({ code: 'a', text: '调研并形成方案', dueAt: at18('2030-07-31') })]);
    expect(res.body.assignments.map((a: { role: string; unitName: string }) => `${a.role}:${a.unitName}`)).toEqual(['lead:市科技局', 'responsible:市发改委']);

    // Every reminder moved with the deadline and the step: the old rows are cancelled, new ones pending.
    const after = await rig.reminders(item.id, ['pending', 'enqueued']);
    const old: { state: string }[] = await rig.w.ds.query(`SELECT state FROM reminders WHERE id = ANY($1::uuid[])`, [before.map((r) => r.id)]);
    expect(old.every((r) => r.state === 'cancelled')).toBe(true);
    expect(after.filter((r) => before.some((b) => b.id === r.id))).toEqual([]);
    const latest = (rows: { due_at: Date }[]) => Math.max(...rows.map((r) => r.due_at.getTime()));
    expect(latest(after)).toBeLessThan(latest(before));
    expect(after.some((r) => r.unit_id === rig.w.unitIds.fgw)).toBe(true);
    expect(await audits(item.id, 'task.edited')).toEqual([
      expect.objectContaining({
        actor_name: 'sup',
        before: expect.objectContaining({ title: item.title, dueAt: at18('2030-12-31') }),
        after: expect.objectContaining({ title: '改后的标题', dueAt: at18('2030-09-30') }),
      }),
    ]);

    // Stale: 409 with the current version, and nothing changes.
    const stale = await http().patch(url).set(auth('sup')).send({ version: item.version, title: '过期的修改' }).expect(409);
    expect(stale.body.currentVersion).toBe(item.version + 1);
    expect((await http().get(`/tasks/${item.id}`).set(auth('sup')).expect(200)).body.title).toBe('改后的标题');
    // Another plan's supervisor may not; an imported plan's items change by re-importing.
    await http().patch(url).set(auth('sup_other')).send({ version: item.version + 1, title: 'x' }).expect(403);
    await http().patch(`/plans/${rig.w.planId}/tasks/${rig.w.taskIds['1']}`).set(auth('admin')).send({ version: 1, title: 'x' }).expect(422);
    const bad = await http().patch(url).set(auth('sup')).send({ version: item.version + 1, deadline: '下辈子' }).expect(422);
    expect(bad.body.message).toEqual([expect.stringMatching(/^deadline: /)]);
  });

  it('removing an item with progress cancels it with its reason; an untouched one is deleted', async () => {
    const plan = await http().post('/plans').set(auth('sup')).send({ title: '2030年第3次常务会议议定事项', sourceType: '会议议定', year: 2030, docNumber: '常务会议纪要〔2030〕3号' }).expect(201);
    expect(plan.body).toMatchObject({ sourceType: '会议议定', periodStart: '2030-01-01', periodEnd: '2030-12-31' });
    const add = (title: string) =>
      http().post(`/plans/${plan.body.id}/tasks`).set(auth('sup')).send({ title, deadline: '11月底前', leadUnits: ['市科技局'] }).expect(201);
    const worked = (await add('已推进的事项')).body;
    const untouched = (await add('未开展的事项')).body;
    expect([worked.code, untouched.code]).toEqual(['1', '2']);

    const ack = await http().post(`/tasks/${worked.id}/transitions`).set(auth('lead_staff')).send({ to: 'acknowledged', version: worked.version }).expect(200);
    await http().post(`/tasks/${worked.id}/progress`).set(auth('lead_staff')).send({ percent: 30, note: '已完成调研' }).expect(201);
    const current = (await http().get(`/tasks/${worked.id}`).set(auth('sup')).expect(200)).body;
    expect(current.version).toBeGreaterThanOrEqual(ack.body.version);

    const noReason = await http().delete(`/plans/${plan.body.id}/tasks/${worked.id}`).set(auth('sup')).send({ version: current.version }).expect(422);
    expect(noReason.body.message).toEqual(['reason: 该事项已有办理记录，只能撤销，请填写撤销理由']);
    await http().delete(`/plans/${plan.body.id}/tasks/${worked.id}`).set(auth('sup')).send({ version: current.version - 1, reason: '会议决定调整' }).expect(409);
    const cancelled = await http().delete(`/plans/${plan.body.id}/tasks/${worked.id}`).set(auth('sup')).send({ version: current.version, reason: '会议决定调整' }).expect(200);
    expect(cancelled.body).toMatchObject({ id: worked.id, outcome: 'cancelled', status: 'cancelled' });
    const kept = (await http().get(`/tasks/${worked.id}`).set(auth('sup')).expect(200)).body;
    expect(kept).toMatchObject({ status: 'cancelled', statusReason: '会议决定调整' });
    expect(kept.latestProgress).toMatchObject({ percent: 30 });
    expect(await audits(worked.id, 'task.cancelled')).toEqual([expect.objectContaining({ after: expect.objectContaining({ reason: '会议决定调整', removedByHand: true }) })]);
    expect(await rig.reminders(worked.id, ['pending', 'enqueued'])).toEqual([]);

    const deleted = await http().delete(`/plans/${plan.body.id}/tasks/${untouched.id}`).set(auth('sup')).send({ version: untouched.version }).expect(200);
    expect(deleted.body).toMatchObject({ outcome: 'deleted', status: null });
    await http().get(`/tasks/${untouched.id}`).set(auth('sup')).expect(404);
    expect(await audits(untouched.id, 'task.deleted')).toHaveLength(1);
  });
});
