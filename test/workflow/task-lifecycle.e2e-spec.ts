import { startWorkflowApp, WorkflowApp } from '../support/workflow-app';

describe('task workflow over HTTP', () => {
  let w: WorkflowApp;
  // Each test works on a plan of its own (the same four items), so no test sees another's changes.
  let p: Awaited<ReturnType<WorkflowApp['addPlan']>>;
  const auth = (user: string) => ({ Authorization: `Bearer ${w.tokens[user]}` });
  const get = (user: string, path: string) => w.http.get(path).set(auth(user));
  const post = (user: string, path: string, body: object) => w.http.post(path).set(auth(user)).send(body);
  const version = async (id: string) => (await get('admin', `/tasks/${id}`).expect(200)).body.version as number;

  beforeAll(async () => {
    w = await startWorkflowApp();
  });
  beforeEach(async () => {
    p = await w.addPlan(['sup']);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('runs the whole life of an item: acknowledge, progress by each unit, submit, return, resubmit, approve', async () => {
    const id = p.taskIds['1'];
    const before = await get('lead_staff', `/tasks/${id}`).expect(200);
    expect(before.body).toMatchObject({ status: 'assigned', progress: 0, light: 'green', overdue: false });
    expect(before.body.assignments.map((a: { unitName: string; role: string }) => [a.unitName, a.role])).toEqual([
      ['市科技局', 'lead'],
      ['市发改委', 'responsible'],
      ['市经信局', 'responsible'],
      ['市财政局', 'assisting'],
    ]);
    expect(before.body.steps).toHaveLength(2);

    // 签收: the lead unit's acknowledgement moves the item; the others sign for their part.
    let v = before.body.version;
    const ack = await post('lead_staff', `/tasks/${id}/transitions`, { to: 'acknowledged', version: v }).expect(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', assignment: { status: 'acknowledged' } });
    v = ack.body.version;
    for (const u of ['resp_staff', 'resp2_staff']) {
      const r = await post(u, `/tasks/${id}/transitions`, { to: 'acknowledged', version: v }).expect(200);
      expect(r.body.status).toBe('acknowledged');
      v = r.body.version;
    }
    // Start is implicit in the first report; each responsible unit reports its own part.
    const r1 = await post('resp_staff', `/tasks/${id}/progress`, {
      percent: 100,
      note: '经信局部分已完成',
      evidence: ['https://example.gov.cn/jxj.pdf'],
      indicatorValues: [{ name: '入驻企业', value: 12 }],
    }).expect(201);
    expect(r1.body.task.status).toBe('in_progress');
    expect(r1.body.assignment).toEqual({ unitId: w.unitIds.jxj, status: 'submitted', progress: 100 });
    expect(r1.body.task.progress).toBe(0); // only the lead's report is the item's progress
    await post('resp2_staff', `/tasks/${id}/progress`, { percent: 40, note: '发改委推进中' }).expect(201);
    const steps = (await get('lead_staff', `/tasks/${id}`)).body.steps as { id: string }[];
    const r3 = await post('lead_staff', `/tasks/${id}/progress`, { percent: 90, note: '汇总推进', stepId: steps[0].id }).expect(201);
    expect(r3.body.task.progress).toBe(90);
    expect(r3.body.report.stepId).toBe(steps[0].id);

    const mid = await get('lead_staff', `/tasks/${id}`).expect(200);
    const parts = Object.fromEntries(mid.body.assignments.map((a: { unitName: string }) => [a.unitName, a]));
    expect(parts['市经信局']).toMatchObject({ status: 'submitted', progress: 100 });
    expect(parts['市发改委']).toMatchObject({ status: 'in_progress', progress: 40, light: 'green' });
    expect(parts['市科技局']).toMatchObject({ status: 'in_progress', progress: 90 });
    expect(parts['市财政局']).toMatchObject({ status: 'assigned', progress: 0 });
    expect(mid.body.latestProgress).toMatchObject({ percent: 90, note: '汇总推进', unitId: w.unitIds.kjj });

    // Only the lead unit submits.
    v = mid.body.version;
    await post('resp_staff', `/tasks/${id}/submit`, { version: v }).expect(403);
    const sub = await post('lead_staff', `/tasks/${id}/submit`, { version: v, note: '申请办结' }).expect(200);
    expect(sub.body.status).toBe('submitted');

    // 退回 needs a reason.
    const noReason = await post('sup', `/tasks/${id}/review`, { decision: 'return', version: sub.body.version }).expect(422);
    expect(noReason.body.message).toMatch(/requires a reason/);
    const ret = await post('sup', `/tasks/${id}/review`, { decision: 'return', reason: '佐证材料不足', version: sub.body.version }).expect(200);
    expect(ret.body.status).toBe('returned');
    expect((await get('lead_staff', `/tasks/${id}`)).body).toMatchObject({ status: 'returned', statusReason: '佐证材料不足', submittedAt: null });

    // Rework: the lead reports again (back in progress) and resubmits.
    const again = await post('lead_staff', `/tasks/${id}/progress`, { percent: 100, note: '补充佐证材料', evidence: ['https://example.gov.cn/more.pdf'] }).expect(201);
    expect(again.body.task.status).toBe('in_progress');
    const resub = await post('lead_head', `/tasks/${id}/submit`, { version: again.body.task.version }).expect(200);

    // Steps are open: approval needs an override with a reason.
    const open = await post('sup', `/tasks/${id}/review`, { decision: 'approve', version: resub.body.version }).expect(422);
    expect(open.body).toMatchObject({ code: 'open_steps' });
    await post('lead_staff', `/tasks/${id}/steps/${steps[0].id}/complete`, {}).expect(200);
    await post('lead_staff', `/tasks/${id}/steps/${steps[0].id}/complete`, {}).expect(422);
    const noOverrideReason = await post('sup', `/tasks/${id}/review`, { decision: 'approve', overrideOpenSteps: true, version: resub.body.version }).expect(422);
    expect(noOverrideReason.body.code).toBe('reason_required');
    const done = await post('sup', `/tasks/${id}/review`, {
      decision: 'approve',
      overrideOpenSteps: true,
      reason: '第二步已纳入下年度计划',
      version: resub.body.version,
    }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', review: { decision: 'approve', overrideOpenSteps: true } });
    const final = await get('leader', `/tasks/${id}`).expect(200);
    expect(final.body).toMatchObject({ status: 'completed', progress: 100, light: 'none', overdue: false });
    expect(final.body.completedAt).not.toBeNull();

    // Every step of it is in the history, oldest first, with who did it.
    const history = await get('assist_staff', `/tasks/${id}/history?limit=100`).expect(200);
    const actions = history.body.items.map((e: { action: string; actorName: string }) => `${e.actorName}:${e.action}`);
    expect(actions).toEqual([
      'lead_staff:task.acknowledged',
      'resp_staff:task.acknowledged',
      'resp2_staff:task.acknowledged',
      'resp_staff:task.progress_reported',
      'resp2_staff:task.progress_reported',
      'lead_staff:task.progress_reported',
      'lead_staff:task.submitted',
      'sup:task.returned',
      'lead_staff:task.progress_reported',
      'lead_head:task.submitted',
      'lead_staff:step.completed',
      'sup:task.approved',
    ]);
    expect(history.body.total).toBe(12);
    const returned = history.body.items.find((e: { action: string }) => e.action === 'task.returned');
    expect(returned.before).toMatchObject({ status: 'submitted' });
    expect(returned.after).toMatchObject({ status: 'returned', reason: '佐证材料不足' });
    const page2 = await get('lead_staff', `/tasks/${id}/history?page=2&limit=5`).expect(200);
    expect(page2.body.items.map((e: { action: string }) => e.action)).toEqual(history.body.items.slice(5, 10).map((e: { action: string }) => e.action));

    // Status changes were published as domain events in the same transactions.
    const events: { type: string; payload: { from: string; to: string } }[] = await w.ds.query(
      `SELECT type, payload FROM domain_events WHERE task_id = $1 AND type = 'task.status_changed' AND NOT payload ? 'stepId' ORDER BY id`,
      [id],
    );
    expect(events.map((e) => `${e.payload.from}>${e.payload.to}`)).toEqual([
      'assigned>acknowledged',
      'acknowledged>in_progress',
      'in_progress>submitted',
      'submitted>returned',
      'returned>in_progress',
      'in_progress>submitted',
      'submitted>completed',
    ]);
    const reviews: { decision: string }[] = await w.ds.query(`SELECT decision FROM reviews WHERE task_id = $1 ORDER BY created_at`, [id]);
    expect(reviews.map((r) => r.decision)).toEqual(['return', 'approve']);
  });

  it('moves the deadline when an extension is approved, keeping the original', async () => {
    const id = p.taskIds['2'];
    const t0 = (await get('lead_staff', `/tasks/${id}`)).body;
    expect(t0.dueAt).toBe('2030-06-30T10:00:00.000Z'); // 18:00 in Shanghai
    const bad = await post('lead_staff', `/tasks/${id}/extensions`, { requestedDueAt: '2030-05-01', reason: '提前' }).expect(422);
    expect(bad.body.message).toMatch(/later than the current deadline/);
    await post('assist_staff', `/tasks/${id}/extensions`, { requestedDueAt: '2030-09-30', reason: '等待配套政策' }).expect(403);
    const req = await post('lead_staff', `/tasks/${id}/extensions`, { requestedDueAt: '2030-09-30', reason: '等待配套政策' }).expect(201);
    expect(req.body).toMatchObject({ status: 'pending', requestedDueAt: '2030-09-30T10:00:00.000Z', unitId: w.unitIds.kjj });
    await post('resp_staff', `/tasks/${id}/extensions`, { requestedDueAt: '2030-10-30', reason: '再延' }).expect(409);

    await post('lead_staff', `/extensions/${req.body.id}/decision`, { decision: 'approve', version: req.body.version }).expect(403);
    await post('sup_other', `/extensions/${req.body.id}/decision`, { decision: 'approve', version: req.body.version }).expect(403);
    await post('other_staff', `/extensions/${req.body.id}/decision`, { decision: 'approve', version: req.body.version }).expect(404);
    await post('sup', `/extensions/${req.body.id}/decision`, { decision: 'reject', version: req.body.version }).expect(400);
    const ok = await post('sup', `/extensions/${req.body.id}/decision`, { decision: 'approve', reason: '同意', version: req.body.version }).expect(200);
    expect(ok.body.extension).toMatchObject({ status: 'approved', decisionReason: '同意' });
    expect(ok.body.task).toMatchObject({ dueAt: '2030-09-30T10:00:00.000Z', originalDueAt: '2030-06-30T10:00:00.000Z' });
    await post('sup', `/extensions/${req.body.id}/decision`, { decision: 'approve', version: ok.body.extension.version }).expect(409);

    const t1 = (await get('lead_staff', `/tasks/${id}`)).body;
    expect(t1).toMatchObject({ dueAt: '2030-09-30T10:00:00.000Z', originalDueAt: '2030-06-30T10:00:00.000Z' });
    expect(t1.extensionApprovedAt).not.toBeNull();
    const list = await get('lead_staff', `/tasks/${id}/extensions`).expect(200);
    expect(list.body.map((e: { status: string }) => e.status)).toEqual(['approved']);
    const dl: { payload: { from: string; to: string; reason: string } }[] = await w.ds.query(
      `SELECT payload FROM domain_events WHERE task_id = $1 AND type = 'task.deadline_changed'`,
      [id],
    );
    expect(dl.map((e) => e.payload)).toEqual([
      expect.objectContaining({ from: '2030-06-30T10:00:00.000Z', to: '2030-09-30T10:00:00.000Z', reason: 'extension approved' }),
    ]);
    const history = (await get('sup', `/tasks/${id}/history`)).body.items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['extension.requested', 'extension.approved', 'task.deadline_changed']);
  });

  it('lets a supervisor set an explicit deadline; overdue and the red light are derived from it', async () => {
    const id = p.taskIds['3'];
    const v = await version(id);
    await w.http.patch(`/tasks/${id}`).set(auth('sup_other')).send({ dueAt: '2020-01-01T00:00:00Z', version: v }).expect(403);
    const res = await w.http.patch(`/tasks/${id}`).set(auth('sup')).send({ dueAt: '2020-01-01T08:00:00+08:00', version: v }).expect(200);
    expect(res.body).toMatchObject({ dueAt: '2020-01-01T00:00:00.000Z', originalDueAt: '2030-09-30T10:00:00.000Z' });
    const t = (await get('sup', `/tasks/${id}`)).body;
    expect(t).toMatchObject({ overdue: true, light: 'red' });
    const red = await get('sup', `/tasks?planId=${p.planId}&light=red`).expect(200);
    expect(red.body.items.map((x: { code: string }) => x.code)).toEqual(['3']);
    const overdue = await get('leader', `/tasks?planId=${p.planId}&overdue=true`).expect(200);
    expect(overdue.body).toMatchObject({ total: 1, items: [{ id, overdue: true, light: 'red' }] });
    const notOverdue = await get('leader', `/tasks?planId=${p.planId}&overdue=false&sort=code:asc`).expect(200);
    expect(notOverdue.body.items.map((x: { code: string }) => x.code)).toEqual(['1', '2', '4']);
    const ev: { payload: { to: string } }[] = await w.ds.query(`SELECT payload FROM domain_events WHERE task_id = $1 AND type = 'task.deadline_changed'`, [id]);
    expect(ev.map((e) => e.payload.to)).toEqual(['2020-01-01T00:00:00.000Z']);
  });

  it('lists only visible items, with filters, sorting and totals computed in SQL', async () => {
    // A state of its own: item 1 acknowledged, item 3 past a deadline moved into the past.
    await post('lead_staff', `/tasks/${p.taskIds['1']}/transitions`, { to: 'acknowledged', version: await version(p.taskIds['1']) }).expect(200);
    await w.http.patch(`/tasks/${p.taskIds['3']}`).set(auth('sup')).send({ dueAt: '2020-01-01T00:00:00Z', version: await version(p.taskIds['3']) }).expect(200);
    const mine = await get('lead_staff', `/tasks?planId=${p.planId}&sort=code:asc`).expect(200);
    expect(mine.body).toMatchObject({ total: 3, page: 1, limit: 20 });
    expect(mine.body.items.map((x: { code: string }) => x.code)).toEqual(['1', '2', '4']);
    const other = await get('other_staff', `/tasks?planId=${p.planId}`).expect(200);
    expect(other.body.items.map((x: { code: string }) => x.code)).toEqual(['3']);
    const assist = await get('assist_staff', `/tasks?planId=${p.planId}&sort=code:desc`).expect(200);
    expect(assist.body.items.map((x: { code: string }) => x.code)).toEqual(['2', '1']);
    const all = await get('leader', `/tasks?planId=${p.planId}&sort=dueAt:desc&limit=2`).expect(200);
    expect(all.body).toMatchObject({ total: 4, limit: 2 });
    expect(all.body.items.map((x: { code: string }) => x.code)).toEqual(['1', '4']);
    const p2 = await get('leader', `/tasks?planId=${p.planId}&sort=dueAt:desc&limit=2&page=2`).expect(200);
    expect(p2.body.items.map((x: { code: string }) => x.code)).toEqual(['2', '3']);
    const byUnit = await get('sup', `/tasks?planId=${p.planId}&unitId=${w.unitIds.fgw}`).expect(200);
    expect(byUnit.body.items.map((x: { code: string }) => x.code)).toEqual(['1']);
    const byStatus = await get('sup', `/tasks?planId=${p.planId}&status=acknowledged`).expect(200);
    expect(byStatus.body.items.map((x: { code: string }) => x.code)).toEqual(['1']);
    const window = await get('sup', `/tasks?planId=${p.planId}&dueFrom=2030-11-30&dueTo=2030-11-30`).expect(200);
    expect(window.body.items.map((x: { code: string }) => x.code)).toEqual(['4']);
    const q = await get('sup', `/tasks?planId=${p.planId}&q=${encodeURIComponent('金融')}`).expect(200);
    expect(q.body.items).toEqual([expect.objectContaining({ code: '4', leadUnits: ['市经信局'], planTitle: p.title })]);
    const green = await get('sup', `/tasks?planId=${p.planId}&light=green&sort=code:asc`).expect(200);
    // Items far from their deadline and on schedule are green; the list light equals the detail light.
    for (const item of green.body.items as { id: string; light: string }[]) {
      expect((await get('sup', `/tasks/${item.id}`)).body.light).toBe('green');
    }
    expect(green.body.items.map((x: { code: string }) => x.code)).toEqual(['1', '2', '4']);
  });

  it('answers 409 with the current version to a stale update, and changes nothing', async () => {
    const id = p.taskIds['4'];
    const v = await version(id);
    const [a, b] = await Promise.all([
      w.http.patch(`/tasks/${id}`).set(auth('sup')).send({ dueAt: '2030-12-01', version: v }),
      w.http.patch(`/tasks/${id}`).set(auth('sup')).send({ dueAt: '2030-12-02', version: v }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body).toMatchObject({ statusCode: 409, currentVersion: v + 1 });
    expect(loser.body.message).toMatch(/version/);
    const t = (await get('sup', `/tasks/${id}`)).body;
    expect(t).toMatchObject({ version: v + 1, dueAt: winner.body.dueAt });
    const stale = await post('resp_staff', `/tasks/${id}/transitions`, { to: 'acknowledged', version: v }).expect(409);
    expect(stale.body.currentVersion).toBe(v + 1);
    const part = (await get('resp_staff', `/tasks/${id}`)).body.assignments.find((x: { unitId: string }) => x.unitId === w.unitIds.jxj);
    expect(part.status).toBe('assigned'); // the refused request changed nothing
    const updates = (await get('sup', `/tasks/${id}/history`)).body.items.filter((e: { action: string }) => e.action === 'task.updated');
    expect(updates).toHaveLength(1);
  });

  it('tells a client acting on an item someone else has moved to reload (409), not that the move is illegal', async () => {
    const id = p.taskIds['4'];
    const v = await version(id);
    const before = (await get('sup', `/tasks/${id}`)).body.status;
    await post('sup', `/tasks/${id}/transitions`, { to: 'suspended', reason: '暂缓', version: v }).expect(200);
    // From the client's stale view the item is still active; against the current state the move is illegal.
    const stale = await post('sup', `/tasks/${id}/transitions`, { to: 'suspended', reason: '再次暂缓', version: v }).expect(409);
    expect(stale.body.currentVersion).toBe(v + 1);
    await post('sup', `/tasks/${id}/transitions`, { to: before, reason: '恢复', version: v + 1 }).expect(200);
  });

  it('replays a create with the same Idempotency-Key and refuses the key for another body', async () => {
    const id = p.taskIds['2'];
    const send = (body: object) => post('lead_staff', `/tasks/${id}/comments`, body).set('Idempotency-Key', 'comment-key-1');
    const first = await send({ body: '请财政局提供数据' }).expect(201);
    const again = await send({ body: '请财政局提供数据' }).expect(201);
    expect(again.body).toEqual(first.body);
    await send({ body: '另一条' }).expect(422);
    const list = await get('assist_staff', `/tasks/${id}/comments`).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ body: '请财政局提供数据', authorName: 'lead_staff' }] });
    await post('assist_staff', `/tasks/${id}/comments`, { body: '已提供' }).expect(201);
    await post('leader', `/tasks/${id}/comments`, { body: '阅' }).expect(403);
  });
});
