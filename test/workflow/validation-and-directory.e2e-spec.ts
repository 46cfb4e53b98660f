import { startWorkflowApp, WorkflowApp } from '../support/workflow-app';

describe('bad requests and the directory endpoints', () => {
  let w: WorkflowApp;
  let id: string;
  const h = (user: string) => ({ Authorization: `Bearer ${w.tokens[user]}` });

  beforeAll(async () => {
    w = await startWorkflowApp();
    id = w.taskIds['1'];
  });
  afterAll(async () => {
    await w?.close();
  });

  it.each([
    ['an unknown field', { percent: 10, note: 'x', foo: 1 }, ['property foo should not exist']],
    ['percent 101', { percent: 101, note: 'x' }, ['percent must not be greater than 100']],
    ['percent as a string', { percent: '50', note: 'x' }, ['percent must be an integer number']],
    ['evidence that is not a URL', { percent: 5, note: 'x', evidence: ['not a url'] }, ['each value in evidence must be a URL address']],
    ['an indicator without a value', { percent: 5, note: 'x', indicatorValues: [{ name: 'a' }] }, ['indicatorValues.0.value must be a number conforming to the specified constraints']],
    ['a bad stepId', { percent: 5, note: 'x', stepId: 'nope' }, ['stepId must be a UUID']],
    ['missing fields', {}, ['percent must not be greater than 100', 'note must be a string']],
  ])('progress with %s → 400 naming the field', async (_, body, messages) => {
    const res = await w.http.post(`/tasks/${id}/progress`).set(h('lead_staff')).send(body).expect(400);
    for (const m of messages) expect(res.body.message).toContain(m);
  });

  it.each([
    ['GET', '/tasks/not-a-uuid', 'id must be a UUID'],
    ['GET', '/tasks/not-a-uuid/history', 'id must be a UUID'],
    ['POST', '/extensions/123/decision', 'id must be a UUID'],
    ['GET', '/units/xyz', 'id must be a UUID'],
    ['GET', '/users/xyz', 'id must be a UUID'],
    ['GET', '/plans/xyz', 'id must be a UUID'],
  ])('%s %s → 400', async (method, path, message) => {
    const res = method === 'GET' ? await w.http.get(path).set(h('admin')) : await w.http.post(path).set(h('admin')).send({ decision: 'approve', version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  it('bad step id in the path → 400; unknown step → 404', async () => {
    const bad = await w.http.post(`/tasks/${id}/steps/zzz/complete`).set(h('lead_staff')).send({}).expect(400);
    expect(bad.body.message).toContain('stepId must be a UUID');
    await w.http.post(`/tasks/${id}/steps/00000000-0000-4000-8000-000000000000/complete`).set(h('lead_staff')).send({}).expect(404);
  });

  it('bad enums, dates and versions → 400 naming each field', async () => {
    const t = await w.http.post(`/tasks/${id}/transitions`).set(h('lead_staff')).send({ to: 'done', version: 'one' }).expect(400);
    expect(t.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^to must be one of/), 'version must be an integer number']));
    const r = await w.http.post(`/tasks/${id}/review`).set(h('admin')).send({ decision: 'maybe', version: 1 }).expect(400);
    expect(r.body.message).toEqual([expect.stringMatching(/^decision must be one of/)]);
    for (const date of ['2030-02-30', '31/12/2030', '2030-12-31T25:00:00Z', 'tomorrow']) {
      const e = await w.http.post(`/tasks/${id}/extensions`).set(h('lead_staff')).send({ requestedDueAt: date, reason: 'x' }).expect(400);
      expect(e.body.message).toEqual([expect.stringMatching(/^requestedDueAt must be a date/)]);
    }
    const p = await w.http.patch(`/tasks/${id}`).set(h('admin')).send({ dueAt: '2030-13-01' }).expect(400);
    expect(p.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^dueAt must be a date/), expect.stringMatching(/^version must/)]));
    const b = await w.http.post('/tasks/bulk-assign').set(h('admin')).send({ taskIds: ['x'], unitId: w.unitIds.kjj, role: 'boss' }).expect(400);
    expect(b.body.message).toEqual(expect.arrayContaining(['each value in taskIds must be a UUID', expect.stringMatching(/^role must be one of/)]));
    const v = await w.http.post('/tasks/bulk-assign').set(h('admin')).send({ taskIds: [id], unitId: w.unitIds.kjj, role: 'lead' }).expect(400);
    expect(v.body.message).toEqual(['send either versions (task id → version) or ignoreVersions: true']);
  });

  it('bad list queries → 400 naming each parameter', async () => {
    const res = await w.http.get('/tasks?light=purple&overdue=maybe&dueFrom=2030-13-01&sort=title&page=0&limit=1000&planId=x&status=late&extra=1').set(h('admin')).expect(400);
    for (const field of ['light', 'overdue', 'dueFrom', 'sort', 'page', 'limit', 'planId', 'status', 'property extra']) {
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringContaining(field)]));
    }
  });

  it('a malformed JSON body is a 400, not a 500', async () => {
    const res = await w.http.post(`/tasks/${id}/progress`).set(h('lead_staff')).set('Content-Type', 'application/json').send('{"percent": 1,');
    expect(res.status).toBe(400);
  });

  it('manages units: tree info, stale versions, delete only when unused', async () => {
    const parent = await w.http.post('/units').set(h('admin')).send({ code: 'qx', name: '各区人民政府' }).expect(201);
    const child = await w.http
      .post('/units')
      .set(h('admin'))
      .send({ code: 'ja', name: '江岸区人民政府', parentId: parent.body.id, aliases: ['江岸区'], contacts: [{ name: '王五', email: 'ja@example.test' }] })
      .expect(201);
    expect(child.body).toMatchObject({ parentId: parent.body.id, parentName: '各区人民政府', pending: false, aliases: ['江岸区'], version: 1 });
    await w.http.post('/units').set(h('admin')).send({ code: 'ja', name: '重复' }).expect(409);
    const list = await w.http.get(`/units?q=${encodeURIComponent('江岸')}`).set(h('sup')).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ code: 'ja' }] });
    const p = (await w.http.get(`/units/${parent.body.id}`).set(h('admin')).expect(200)).body;
    expect(p.childCount).toBe(1);
    const cycle = await w.http.patch(`/units/${parent.body.id}`).set(h('admin')).send({ parentId: child.body.id, version: p.version }).expect(400);
    expect(cycle.body.message).toEqual(['parentId would make the unit its own ancestor']);
    const renamed = await w.http.patch(`/units/${child.body.id}`).set(h('admin')).send({ name: '江岸区政府', version: 1 }).expect(200);
    expect(renamed.body).toMatchObject({ name: '江岸区政府', version: 2 });
    const stale = await w.http.patch(`/units/${child.body.id}`).set(h('admin')).send({ name: '旧', version: 1 }).expect(409);
    expect(stale.body.currentVersion).toBe(2);
    await w.http.delete(`/units/${w.unitIds.kjj}?version=1`).set(h('admin')).expect(409);
    await w.http.delete(`/units/${parent.body.id}?version=${p.version}`).set(h('admin')).expect(409); // has a child
    const staleDelete = await w.http.delete(`/units/${child.body.id}?version=1`).set(h('admin')).expect(409);
    expect(staleDelete.body.currentVersion).toBe(2);
    await w.http.get(`/units/${child.body.id}`).set(h('admin')).expect(200);
    await w.http.delete(`/units/${child.body.id}?version=2`).set(h('admin')).expect(204);
    await w.http.get(`/units/${child.body.id}`).set(h('admin')).expect(404);
    const audit: { action: string }[] = await w.ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [child.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['unit.created', 'unit.updated', 'unit.deleted']);
  });

  it('manages users without ever returning a password hash', async () => {
    const created = await w.http
      .post('/users')
      .set(h('admin'))
      .set('Idempotency-Key', 'new-user-1')
      .send({ username: 'new_staff', displayName: '新人', email: 'new@example.test', password: 'password-123', unitId: w.unitIds.jxj, roles: ['staff'] })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'new_staff', unitId: w.unitIds.jxj, roles: ['staff'], active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon2/i);
    const replay = await w.http
      .post('/users')
      .set(h('admin'))
      .set('Idempotency-Key', 'new-user-1')
      .send({ username: 'new_staff', displayName: '新人', email: 'new@example.test', password: 'password-123', unitId: w.unitIds.jxj, roles: ['staff'] })
      .expect(201);
    expect(replay.body.id).toBe(created.body.id);
    await w.http.post('/users').set(h('admin')).send({ username: 'new_staff', displayName: 'x', password: 'password-123', roles: ['staff'] }).expect(409);
    await w.http.post('/users').set(h('admin')).send({ username: 'x2', displayName: 'x', password: 'short', roles: ['chief'] }).expect(400);
    const login = await w.http.post('/auth/login').send({ username: 'new_staff', password: 'password-123' }).expect(200);
    const mine = await w.http.get(`/tasks?planId=${w.planId}`).set({ Authorization: `Bearer ${login.body.accessToken}` }).expect(200);
    expect(mine.body.items.map((t: { code: string }) => t.code).sort()).toEqual(['1', '2', '4']);
    const list = await w.http.get(`/users?unitId=${w.unitIds.jxj}`).set(h('admin')).expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['new_staff', 'resp_staff']);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
    const upd = await w.http.patch(`/users/${created.body.id}`).set(h('admin')).send({ password: 'another-pass-1', version: created.body.version }).expect(200);
    await w.http.post('/auth/login').send({ username: 'new_staff', password: 'password-123' }).expect(401);
    await w.http.post('/auth/login').send({ username: 'new_staff', password: 'another-pass-1' }).expect(200);
    await w.http.patch(`/users/${created.body.id}`).set(h('admin')).send({ displayName: 'y', version: created.body.version }).expect(409);
    await w.http.delete(`/users/${created.body.id}`).set(h('admin')).expect(204);
    await w.http.post('/auth/login').send({ username: 'new_staff', password: 'another-pass-1' }).expect(401);
    expect(upd.body.version).toBe(created.body.version + 1);
  });

  it('lists plans with task counts and replaces their supervisors', async () => {
    const plans = await w.http.get('/plans').set(h('lead_staff')).expect(200);
    // Other tests of this file may have added plans of their own: this one is among them, with its counts.
    expect(plans.body.items).toContainEqual(expect.objectContaining({ id: w.planId, year: 2030, taskCounts: { total: 4, byStatus: { assigned: 4 }, overdue: 0 } }));
    expect(plans.body.total).toBe(plans.body.items.length);
    const bad = await w.http.put(`/plans/${w.planId}/supervisors`).set(h('admin')).send({ userIds: [w.userIds.lead_staff], version: 1 }).expect(400);
    expect(bad.body.message).toEqual([`userIds: ${w.userIds.lead_staff} is not an active supervisor`]);
    const set = await w.http.put(`/plans/${w.planId}/supervisors`).set(h('sup')).send({ userIds: [w.userIds.sup, w.userIds.sup_other], version: 1 }).expect(200);
    expect(set.body.supervisors.map((s: { username: string }) => s.username).sort()).toEqual(['sup', 'sup_other']);
    await w.http.put(`/plans/${w.planId}/supervisors`).set(h('sup')).send({ userIds: [], version: 1 }).expect(409);
    const detail = await w.http.get(`/plans/${w.planId}`).set(h('leader')).expect(200);
    expect(detail.body).toMatchObject({ version: 2, supervisors: expect.arrayContaining([expect.objectContaining({ username: 'sup_other' })]) });
    await w.http.get('/plans/00000000-0000-4000-8000-000000000000').set(h('leader')).expect(404);
  });

  it('bulk-assigns a unit to several items in one transaction, all or nothing', async () => {
    // A plan of its own, supervised by sup (the plan test above replaces the first plan's supervisors).
    const plan = await w.addPlan(['sup']);
    const [a, b] = [plan.taskIds['1'], plan.taskIds['2']];
    const va = (await w.http.get(`/tasks/${a}`).set(h('sup')).expect(200)).body.version;
    const vb = (await w.http.get(`/tasks/${b}`).set(h('sup')).expect(200)).body.version;
    const stale = await w.http.post('/tasks/bulk-assign').set(h('sup')).send({ taskIds: [a, b], unitId: w.unitIds.jyj, role: 'assisting', versions: { [a]: va, [b]: vb + 5 } }).expect(409);
    expect(stale.body.currentVersion).toBe(vb);
    expect((await w.http.get(`/tasks/${a}`).set(h('sup'))).body.version).toBe(va); // rolled back
    const ok = await w.http.post('/tasks/bulk-assign').set(h('sup')).send({ taskIds: [a, b], unitId: w.unitIds.jyj, role: 'assisting', versions: { [a]: va, [b]: vb } }).expect(200);
    expect(ok.body.tasks.map((t: { change: string }) => t.change)).toEqual(['added', 'added']);
    const seen = await w.http.get(`/tasks?planId=${plan.planId}&sort=code:asc`).set(h('other_staff')).expect(200);
    expect(seen.body.items.map((t: { code: string }) => t.code)).toEqual(['1', '2', '3']);
    await w.http.post(`/tasks/${a}/progress`).set(h('other_staff')).send({ percent: 5, note: 'x' }).expect(403);
    const ev: { type: string }[] = await w.ds.query(`SELECT type FROM domain_events WHERE task_id = ANY($1) AND type = 'task.assignment_changed'`, [[a, b]]);
    expect(ev).toHaveLength(2);
    const history = (await w.http.get(`/tasks/${a}/history`).set(h('sup'))).body.items;
    expect(history[history.length - 1]).toMatchObject({ action: 'task.assignment_changed', after: { unitId: w.unitIds.jyj, role: 'assisting', unitName: '市教育局' } });
  });
});
