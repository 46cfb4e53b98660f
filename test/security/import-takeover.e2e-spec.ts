import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword, UnitRepository, UserRepository } from '@app/persistence';
import { loadUnitDirectory } from '@app/importer';
import { startTestApi, TestApi } from '../support/api-app';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const SEED_001 = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('001'))!));

/** Seed 001 with item 1.2 reworded and item 6.3 dropped: a revision of the saved plan. */
function revised(extra: string): Buffer {
  const text = SEED_001.toString('utf8')
    .replace('2.建设高水平实验室体系。', `2.建设高水平实验室体系。${extra}`)
    .split('\n')
    .filter((line) => !line.startsWith('3.建设全国一流知识产权强市'))
    .join('\n');
  return Buffer.from(text, 'utf8');
}

describe('plan takeover through imports', () => {
  let api: TestApi;
  let owner: string;
  let intruder: string;
  let admin: string;
  let planId: string;

  const upload = (token: string, name: string, content: Buffer) =>
    api.http.post('/imports').set('authorization', `Bearer ${token}`).attach('file', content, name).expect(201);
  const commit = (token: string, importId: string) => api.http.post(`/imports/${importId}/commit`).set('authorization', `Bearer ${token}`);
  const supervisors = async (plan = planId) =>
    (await api.ds.query(`SELECT u.username FROM plan_supervisors ps JOIN users u ON u.id = ps.user_id WHERE ps.plan_id = $1 ORDER BY 1`, [plan])).map(
      (r: { username: string }) => r.username,
    );
  const tasksState = () => api.ds.query(`SELECT code, status, version, content FROM tasks WHERE plan_id = $1 ORDER BY code`, [planId]);
  const importStatus = async (id: string) => (await api.ds.query(`SELECT status FROM imports WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.get(UnitRepository).upsertDirectory(loadUnitDirectory(join(SEEDS, 'units.json')));
    const users = api.app.get(UserRepository);
    const passwordHash = await hashPassword('takeover-pass-1');
    for (const [username, role] of [['owner', 'supervisor'], ['intruder', 'supervisor'], ['boss', 'admin']] as const) {
      await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: [role] });
    }
    owner = await api.login('owner', 'takeover-pass-1');
    intruder = await api.login('intruder', 'takeover-pass-1');
    admin = await api.login('boss', 'takeover-pass-1');
    const created = await commit(owner, (await upload(owner, 'plan.txt', SEED_001)).body.importId).expect(200);
    planId = created.body.planId;
  });
  afterAll(() => api.close());

  it("makes a new plan's uploader its supervisor, and nobody else", async () => {
    expect(await supervisors()).toEqual(['owner']);
  });

  it('does not make another supervisor a supervisor when they commit the same document again', async () => {
    // A plan of its own (another test revises the first one): the owner saves it, the intruder sends it again.
    const doc = Buffer.from(SEED_001.toString('utf8').replaceAll('武汉市创新发展三年行动方案', '武汉市创新发展三年行动方案（另一份）'), 'utf8');
    const own = await commit(owner, (await upload(owner, 'other.txt', doc)).body.importId).expect(200);
    const preview = await upload(intruder, 'same.txt', doc);
    expect(preview.body).toMatchObject({ kind: 'unchanged', planId: own.body.planId });
    await commit(intruder, preview.body.importId).expect(200);
    expect(await supervisors(own.body.planId)).toEqual(['owner']);
  });

  it("refuses a revision of a plan the committer does not supervise (403) and changes nothing", async () => {
    const before = await tasksState();
    const preview = await upload(intruder, 'revised.txt', revised('由他人改写。'));
    expect(preview.body).toMatchObject({ kind: 'revision', planId });
    const res = await commit(intruder, preview.body.importId).expect(403);
    expect(res.body.message).toMatch(/supervisor of the plan/);
    expect(await tasksState()).toEqual(before);
    expect(await supervisors()).toEqual(['owner']);
    expect(await importStatus(preview.body.importId)).toBe('previewed');
  });

  it("refuses to commit or correct another supervisor's import (403), even for the plan's own supervisor", async () => {
    const before = await tasksState();
    const preview = await upload(intruder, 'revised.txt', revised('他人的上传。'));
    await api.http
      .patch(`/imports/${preview.body.importId}`)
      .set('authorization', `Bearer ${owner}`)
      .send({ version: 1, edits: [{ op: 'dropTask', code: '1.1' }] })
      .expect(403);
    const res = await commit(owner, preview.body.importId).expect(403);
    expect(res.body.message).toMatch(/uploaded/);
    await commit(admin, preview.body.importId).expect(403);
    expect(await tasksState()).toEqual(before);
    expect(await importStatus(preview.body.importId)).toBe('previewed');
  });

  it("lets the plan's supervisor and an admin apply their own revisions without adding supervisors", async () => {
    const mine = await upload(owner, 'revised.txt', revised('本人修订。'));
    const applied = await commit(owner, mine.body.importId).expect(200);
    expect(applied.body).toMatchObject({ kind: 'revision', planId, tasksRemoved: 1 });
    const byAdmin = await upload(admin, 'revised-2.txt', revised('管理员修订。'));
    expect(byAdmin.body.kind).toBe('revision');
    await commit(admin, byAdmin.body.importId).expect(200);
    const [t12] = await api.ds.query(`SELECT content FROM tasks WHERE plan_id = $1 AND code = '1.2'`, [planId]);
    expect(t12.content).toContain('管理员修订');
    expect(await supervisors()).toEqual(['owner']);
  });
});
