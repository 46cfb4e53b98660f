import { startWorkflowApp, WorkflowApp } from '../support/workflow-app';

/**
 * Each role × each action on item 1 (lead 市科技局, responsible 市经信局/市发改委, assisting 市财政局;
 * supervised by "sup"). Requests are built to pass the permission check and then fail harmlessly
 * (stale version 999 → 409, or a domain rule → 422), so the item never changes and every row
 * tests permission alone: 403 = visible but not allowed, 404 = invisible.
 */
type Action = 'read' | 'history' | 'comment' | 'progress' | 'acknowledge' | 'submit' | 'extension' | 'suspend' | 'review' | 'patch' | 'step' | 'bulk';

const ROLES = ['lead_staff', 'lead_head', 'resp_staff', 'assist_staff', 'other_staff', 'sup', 'sup_other', 'leader', 'admin'] as const;

// prettier-ignore
const MATRIX: Record<Action, number[]> = {
  //           lead_staff lead_head resp assist other sup sup_other leader admin
  read:        [200,      200,      200, 200,   404,  200, 200,      200,   200],
  history:     [200,      200,      200, 200,   404,  200, 200,      200,   200],
  comment:     [201,      201,      201, 201,   404,  201, 403,      403,   201],
  progress:    [422,      422,      422, 403,   404,  403, 403,      403,   403],
  acknowledge: [409,      409,      409, 403,   404,  403, 403,      403,   403],
  submit:      [409,      409,      403, 403,   404,  403, 403,      403,   403],
  extension:   [422,      422,      422, 403,   404,  403, 403,      403,   403],
  suspend:     [403,      403,      403, 403,   404,  409, 403,      403,   409],
  review:      [403,      403,      403, 403,   404,  409, 403,      403,   409],
  patch:       [403,      403,      403, 403,   404,  409, 403,      403,   409],
  step:        [409,      409,      409, 403,   404,  409, 403,      403,   409],
  bulk:        [403,      403,      403, 403,   403,  409, 403,      403,   409],
};

describe('permission matrix over HTTP', () => {
  let w: WorkflowApp;
  let firstId: string;
  let firstStepId: string;

  const call = (user: string, action: Action, id = firstId, stepId = firstStepId) => {
    const h = { Authorization: `Bearer ${w.tokens[user]}` };
    const post = (path: string, body: object) => w.http.post(path).set(h).send(body);
    switch (action) {
      case 'read':
        return w.http.get(`/tasks/${id}`).set(h);
      case 'history':
        return w.http.get(`/tasks/${id}/history`).set(h);
      case 'comment':
        return post(`/tasks/${id}/comments`, { body: `comment by ${user}` });
      case 'progress':
        return post(`/tasks/${id}/progress`, { percent: 10, note: 'x' });
      case 'acknowledge':
        return post(`/tasks/${id}/transitions`, { to: 'acknowledged', version: 999 });
      case 'submit':
        return post(`/tasks/${id}/submit`, { version: 999 });
      case 'extension':
        return post(`/tasks/${id}/extensions`, { requestedDueAt: '2020-01-01', reason: 'x' });
      case 'suspend':
        return post(`/tasks/${id}/transitions`, { to: 'suspended', reason: '暂停', version: 999 });
      case 'review':
        return post(`/tasks/${id}/review`, { decision: 'approve', version: 999 });
      case 'patch':
        return w.http.patch(`/tasks/${id}`).set(h).send({ dueAt: '2031-01-01', version: 999 });
      case 'step':
        return post(`/tasks/${id}/steps/${stepId}/complete`, { version: 999 });
      case 'bulk':
        return post('/tasks/bulk-assign', { taskIds: [id], unitId: w.unitIds.jyj, role: 'assisting', versions: { [id]: 999 } });
    }
  };

  beforeAll(async () => {
    w = await startWorkflowApp();
    firstId = w.taskIds['1'];
    await w.http.put(`/plans/${w.planId}/supervisors`).set({ Authorization: `Bearer ${w.tokens.admin}` }).send({ userIds: [w.userIds.sup], version: 1 }).expect(200);
    firstStepId = await stepOf(firstId);
  });
  afterAll(async () => {
    await w?.close();
  });
  const stepOf = async (taskId: string) =>
    (await w.http.get(`/tasks/${taskId}`).set({ Authorization: `Bearer ${w.tokens.admin}` }).expect(200)).body.steps[0].id as string;

  const cases = (Object.keys(MATRIX) as Action[]).flatMap((action) => ROLES.map((role, i) => [action, role, MATRIX[action][i]] as const));

  it.each(cases)('%s by %s → %i', async (action, role, expected) => {
    const res = await call(role, action);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
  });

  it('the whole matrix leaves the item untouched apart from the comments', async () => {
    // On an item of its own, every request of the matrix again: the tests above may run in any order.
    const copy = await w.addPlan(['sup']);
    const id = copy.taskIds['1'];
    const stepId = await stepOf(id);
    for (const [action, role, expected] of cases) expect([action, role, (await call(role, action, id, stepId)).status]).toEqual([action, role, expected]);
    const t = await w.http.get(`/tasks/${id}`).set({ Authorization: `Bearer ${w.tokens.admin}` }).expect(200);
    expect(t.body).toMatchObject({ status: 'assigned', version: 1, progress: 0, dueAt: t.body.originalDueAt });
    expect(t.body.steps.map((s: { status: string }) => s.status)).toEqual(['open', 'open']);
    expect(t.body.assignments.every((a: { status: string }) => a.status === 'assigned')).toBe(true);
    const history = await w.http.get(`/tasks/${id}/history`).set({ Authorization: `Bearer ${w.tokens.admin}` }).expect(200);
    expect(new Set(history.body.items.map((e: { action: string }) => e.action))).toEqual(new Set(['task.commented']));
    expect(history.body.total).toBe(MATRIX.comment.filter((s) => s === 201).length);
  });

  it('an invisible item answers exactly like a missing one', async () => {
    const h = { Authorization: `Bearer ${w.tokens.other_staff}` };
    const invisible = await w.http.get(`/tasks/${firstId}`).set(h).expect(404);
    const missing = await w.http.get('/tasks/00000000-0000-4000-8000-000000000000').set(h).expect(404);
    expect(invisible.body.message.replace(firstId, 'X')).toBe(missing.body.message.replace('00000000-0000-4000-8000-000000000000', 'X'));
  });

  it('admin-only directory endpoints refuse other roles', async () => {
    for (const role of ['lead_staff', 'sup', 'leader']) {
      await w.http.post('/users').set({ Authorization: `Bearer ${w.tokens[role]}` }).send({ username: 'zz_new', displayName: 'x', password: 'password-1', roles: ['staff'] }).expect(403);
      await w.http.post('/units').set({ Authorization: `Bearer ${w.tokens[role]}` }).send({ code: 'zz', name: 'zz' }).expect(403);
    }
    await w.http.get('/units').set({ Authorization: `Bearer ${w.tokens.lead_staff}` }).expect(403);
    await w.http.get(`/plans/${w.planId}/supervisors`).set({ Authorization: `Bearer ${w.tokens.lead_staff}` }).expect(403);
    await w.http.get('/tasks').expect(401);
  });
});
