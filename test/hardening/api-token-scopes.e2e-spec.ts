import { HardeningApp, startHardeningApp } from './hardening-fixture';
import { fillPath, loadOperations, Operation, opName } from './openapi';

describe('a read-only API token', () => {
  let w: HardeningApp;
  let ops: Operation[];

  beforeAll(async () => {
    w = await startHardeningApp();
    ops = (await loadOperations(w.http)).filter((op) => !op.public);
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Path parameters filled with real rows, so an answer is never about a missing row. */
  const pathOf = (op: Operation) => {
    const kind = op.path.split('/')[1];
    const ids: Record<string, string> = {
      tasks: w.taskIds['1'],
      units: w.unitIds.kjj,
      users: w.ids.users[0],
      plans: w.planId,
      imports: w.ids.imports[0],
      extensions: w.ids.extensions[0],
      reminders: w.ids.reminders[0],
      // any uuid: a read-only token is refused before the directory import or the group is looked up
      directory: w.ids.imports[0],
      'unit-groups': w.unitIds.kjj,
      me: op.path.includes('notifications') ? w.ids.notifications[0] : w.ids.apiTokens[0],
    };
    return fillPath(op.path, { id: ids[kind], stepId: w.ids.steps[0], taskId: w.taskIds['1'] });
  };

  const counts = async () =>
    (await w.ds.query(
      `SELECT (SELECT count(*) FROM progress_reports) AS progress, (SELECT count(*) FROM comments) AS comments,
              (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) AS tokens,
              (SELECT count(*) FROM calendar_feeds) AS feeds, (SELECT sum(version) FROM tasks) AS task_versions,
              (SELECT sum(version) FROM users) AS user_versions, (SELECT sum(version) FROM units) AS unit_versions,
              (SELECT count(*) FROM notifications WHERE read_at IS NOT NULL) AS read_notifications`,
    )) as unknown[];

  it('is refused (403) on every POST, PUT, PATCH and DELETE of the API document, and nothing changes', async () => {
    const writes = ops.filter((op) => op.method !== 'get');
    expect(writes.length).toBeGreaterThan(25);
    const before = await counts();
    const answers: string[] = [];
    for (const op of writes) {
      // A body that would be accepted if the scope did not stop it first.
      const res = await w.http[op.method](pathOf(op))
        .set('Authorization', `Bearer ${w.readToken}`)
        .send({ percent: 50, note: '只读令牌', body: '评论', to: 'acknowledged', version: 1, name: 'x', scope: 'read' });
      answers.push(`${res.status} ${opName(op)} ${res.status === 403 ? res.body.message : JSON.stringify(res.body)}`);
    }
    expect(answers).toEqual(writes.map((op) => `403 ${opName(op)} this API token is read-only`));
    expect(await counts()).toEqual(before);
  });

  it('reads what its owner reads: every GET answers as it does for the owner’s own login', async () => {
    const reads = ops.filter((op) => op.method === 'get');
    const differences: string[] = [];
    let ok = 0;
    for (const op of reads) {
      const path = pathOf(op);
      const withToken = await w.http.get(path).set('Authorization', `Bearer ${w.readToken}`);
      const withLogin = await w.http.get(path).set('Authorization', `Bearer ${w.tokens.lead_staff}`);
      if (withToken.status !== withLogin.status) differences.push(`${opName(op)}: token ${withToken.status}, login ${withLogin.status}`);
      if (withToken.status === 200) ok++;
    }
    expect(differences).toEqual([]);
    // Most reads succeed for a staff member (a few are admin or supervisor only).
    expect(ok).toBeGreaterThan(reads.length / 2);
  });

  it('is refused for a write even with a method override header', async () => {
    const res = await w.http
      .get(`/tasks/${w.taskIds['1']}`)
      .set('Authorization', `Bearer ${w.readToken}`)
      .set('X-HTTP-Method-Override', 'PATCH')
      .expect(200);
    expect(res.body.id).toBe(w.taskIds['1']);
    await w.http
      .post(`/tasks/${w.taskIds['1']}/progress`)
      .set('Authorization', `Bearer ${w.readToken}`)
      .set('X-HTTP-Method-Override', 'GET')
      .send({ percent: 10, note: 'x' })
      .expect(403);
  });
});
