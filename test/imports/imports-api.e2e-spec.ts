import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword, UnitRepository, UserRepository } from '@app/persistence';
import { loadUnitDirectory } from '@app/importer';
import { startTestApi, TestApi } from '../support/api-app';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return { name, content: readFileSync(join(SEEDS, name)) };
};

describe('POST /imports (preview) and POST /imports/:id/commit', () => {
  let api: TestApi;
  let sup: string;
  let staff: string;

  const count = async (table: string) => Number((await api.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const upload = (token: string, name: string, content: Buffer) =>
    api.http.post('/imports').set('authorization', `Bearer ${token}`).attach('file', content, name);

  beforeAll(async () => {
    api = await startTestApi();
    const units = api.app.get(UnitRepository);
    await units.upsertDirectory(loadUnitDirectory(join(SEEDS, 'units.json')));
    const kjj = await units.findByCode('wh-kjj');
    const passwordHash = await hashPassword('import-pass-1');
    const users = api.app.get(UserRepository);
    await users.createIfMissing({ username: 'sup', displayName: 'sup', email: null, passwordHash, unitId: null, roles: ['supervisor'] });
    await users.createIfMissing({ username: 'staff', displayName: 'staff', email: null, passwordHash, unitId: kjj!.id, roles: ['staff'] });
    sup = await api.login('sup', 'import-pass-1');
    staff = await api.login('staff', 'import-pass-1');
  });
  afterAll(() => api.close());

  /**
   * Seed 001 as another city's plan of the same shape: a plan is known by its title, so a test that
   * imports its own copy finds no plan another test made, whatever ran before it.
   */
  const seed001As = (city: string) => seed('001').content.toString('utf8').replaceAll('武汉市创新发展三年行动方案', `${city}创新发展三年行动方案`);
  const commitNew = async (name: string, text: string): Promise<string> => {
    const preview = await upload(sup, name, Buffer.from(text, 'utf8')).expect(201);
    expect(preview.body.kind).toBe('new');
    const commit = await api.http.post(`/imports/${preview.body.importId}/commit`).set('authorization', `Bearer ${sup}`).expect(200);
    return commit.body.planId;
  };

  it('previews seed 001 without saving a plan, then commits plan, tasks and unit assignments', async () => {
    const doc = seed('001');
    const [plansBefore, tasksBefore] = [await count('plans'), await count('tasks')];
    const preview = await upload(sup, doc.name, doc.content).expect(201);
    expect(preview.body).toMatchObject({ kind: 'new', counts: { tasks: 18 }, planId: null });
    expect(await count('plans')).toBe(plansBefore);
    expect(await count('tasks')).toBe(tasksBefore);

    const commit = await api.http
      .post(`/imports/${preview.body.importId}/commit`)
      .set('authorization', `Bearer ${sup}`)
      .expect(200);
    expect(commit.body).toMatchObject({ kind: 'new', tasksCreated: 18 });
    const planId = commit.body.planId;
    expect(await count('plans')).toBe(plansBefore + 1);
    expect(await count('tasks')).toBe(tasksBefore + 18);
    // every item of 001 names a lead and responsible units, so every task has both kinds of assignment
    const roles: { code: string; leads: number; resp: number }[] = await api.ds.query(
      `SELECT t.code, count(*) FILTER (WHERE a.role = 'lead')::int AS leads, count(*) FILTER (WHERE a.role = 'responsible')::int AS resp
         FROM tasks t LEFT JOIN assignments a ON a.task_id = t.id WHERE t.plan_id = $1 GROUP BY t.code`,
      [planId],
    );
    expect(roles).toHaveLength(18);
    expect(roles.every((r) => r.leads >= 1 && r.resp >= 1)).toBe(true);
    const due: { d: string }[] = await api.ds.query(
      `SELECT DISTINCT to_char(due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS d FROM tasks WHERE plan_id = $1`,
      [planId],
    );
    expect(due).toEqual([{ d: '2024-12-31 18:00' }]);
    // the importing supervisor supervises the plan
    const sups = await api.ds.query(`SELECT count(*)::int AS n FROM plan_supervisors WHERE plan_id = $1`, [planId]);
    expect(sups[0].n).toBe(1);
    // committing twice is refused
    await api.http.post(`/imports/${preview.body.importId}/commit`).set('authorization', `Bearer ${sup}`).expect(409);
  });

  it('changes nothing when the same document is imported again', async () => {
    const text = seed001As('宜昌市');
    const planId = await commitNew('yichang.txt', text);
    const tasksOf = () => api.ds.query(`SELECT id, version FROM tasks WHERE plan_id = $1 ORDER BY id`, [planId]);
    const before = await tasksOf();
    expect(before).toHaveLength(18);
    const preview = await upload(sup, 'yichang.txt', Buffer.from(text, 'utf8')).expect(201);
    expect(preview.body.kind).toBe('unchanged');
    const commit = await api.http.post(`/imports/${preview.body.importId}/commit`).set('authorization', `Bearer ${sup}`).expect(200);
    expect(commit.body).toMatchObject({ kind: 'unchanged', tasksCreated: 0, tasksUpdated: 0, tasksRemoved: 0 });
    expect(await tasksOf()).toEqual(before);
  });

  it('shows a revised document as a diff and applies it only on commit', async () => {
    const original = seed001As('襄阳市');
    const planId = await commitNew('xiangyang.txt', original);
    // item 1.2 gets a new sentence; item 6.3 (建设全国一流知识产权强市) is dropped
    const withoutLast = original
      .replace('2.建设高水平实验室体系。', '2.建设高水平实验室体系。新增一个省级实验室。')
      .split('\n')
      .filter((line) => !line.startsWith('3.建设全国一流知识产权强市'))
      .join('\n');
    const preview = await upload(sup, 'revised.txt', Buffer.from(withoutLast, 'utf8')).expect(201);
    expect(preview.body.kind).toBe('revision');
    expect(preview.body.planId).toBe(planId);
    expect(preview.body.diff.changed.map((c: { code: string }) => c.code)).toContain('1.2');
    const removed: string[] = preview.body.diff.removed;
    expect(removed).toEqual(['6.3']);
    const item = (code: string) => api.ds.query(`SELECT content, version, status FROM tasks WHERE plan_id = $1 AND code = $2`, [planId, code]);
    const tasksBefore = await count('tasks');
    const [t12Before] = await item('1.2');
    expect(t12Before.content).not.toContain('新增一个省级实验室');

    await api.http.post(`/imports/${preview.body.importId}/commit`).set('authorization', `Bearer ${sup}`).expect(200);
    const [t12] = await item('1.2');
    expect(t12.content).toContain('新增一个省级实验室');
    expect(t12.version).toBeGreaterThan(t12Before.version);
    expect(await count('tasks')).toBe(tasksBefore); // removed items are cancelled, not deleted
    for (const code of removed) expect((await item(code))[0].status).toBe('cancelled');
  });

  it('lists names missing from the unit directory and keeps them as pending units', async () => {
    const text = [
      '2031年某市科技工作任务分工',
      '一、重点任务',
      '1.建设未来产业园，2031年6月底前完成规划。(牵头单位:市未来产业发展中心;责任单位:市科技局)',
    ].join('\n');
    const preview = await upload(sup, 'unknown-unit.txt', Buffer.from(text)).expect(201);
    expect(preview.body.unknownUnits).toContain('市未来产业发展中心');
    const commit = await api.http.post(`/imports/${preview.body.importId}/commit`).set('authorization', `Bearer ${sup}`).expect(200);
    expect(commit.body.pendingUnits).toContain('市未来产业发展中心');
    const [unit] = await api.ds.query(`SELECT pending FROM units WHERE name = '市未来产业发展中心'`);
    expect(unit.pending).toBe(true);
  });

  it('lists the persons named in 责任领导/责任人 columns per item, apart from the units, in the preview and the draft', async () => {
    const text = [
      '2032年某市重点工作任务分解表',
      '序号',
      '工作任务',
      '责任领导',
      '责任单位',
      '责任人',
      '完成时限',
      '1',
      '建设未来产业园，完成园区规划和首期招商。',
      '王某某',
      '市科技局',
      '李某',
      '6月底前',
      '2',
      '完善科技金融服务体系，设立科技创新基金。',
      '赵某某',
      '市财政局',
      '钱某',
      '9月底前',
    ].join('\n');
    const preview = await upload(sup, 'people.txt', Buffer.from(text)).expect(201);
    expect(preview.body.people).toEqual([
      { code: '1', title: expect.stringContaining('建设未来产业园'), leaders: ['王某某'], contacts: ['李某'] },
      { code: '2', title: expect.stringContaining('完善科技金融服务体系'), leaders: ['赵某某'], contacts: ['钱某'] },
    ]);
    // Persons are never units: no unknown unit is proposed for them.
    expect(preview.body.unknownUnits).not.toEqual(expect.arrayContaining(['王某某']));
    expect(preview.body.unknownUnits).not.toEqual(expect.arrayContaining(['李某']));
    const detail = await api.http.get(`/imports/${preview.body.importId}`).set('authorization', `Bearer ${sup}`).expect(200);
    expect(detail.body.draft.tasks[0]).toMatchObject({ leaders: ['王某某'], contacts: ['李某'], leadUnits: ['市科技局'] });
  });

  it('lists no persons for a plan that names none', async () => {
    const text = ['2033年某市科技工作任务分工', '一、重点任务', '1.建设创新平台，2033年6月底前完成。(牵头单位:市科技局)'].join('\n');
    const preview = await upload(sup, 'no-people.txt', Buffer.from(text)).expect(201);
    expect(preview.body.people).toEqual([]);
  });

  it.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), 'empty', /为空/],
    ['an unsupported type', 'old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'unsupported_type', /不支持/],
    ['text with no items', 'notes.txt', Buffer.from('今天天气很好。\n我们去公园散步。\n'), 'no_items', /没有可识别的责任事项/],
  ])('answers 422 with a clear message for %s and saves nothing', async (_, name, content, code, message) => {
    const imports = await count('imports');
    const res = await upload(sup, name, content).expect(422);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect(await count('imports')).toBe(imports);
  });

  it('answers 400 without a file, 403 for staff, 401 without a token', async () => {
    await api.http.post('/imports').set('authorization', `Bearer ${sup}`).expect(400);
    const doc = seed('000');
    await upload(staff, doc.name, doc.content).expect(403);
    await api.http.post('/imports').attach('file', doc.content, doc.name).expect(401);
  });

  it('keeps a Chinese file name as the user sent it (UTF-8), for the import and the plan made from it', async () => {
    const name = '市科技局2027年督查要点.txt';
    const body = Buffer.from('1. 建设创新平台（牵头单位：市科技局，2027年6月底前完成）\n2. 培育高新技术企业（牵头单位：市科技局，2027年9月底前完成）\n');
    const preview = await upload(sup, name, body).expect(201);
    const detail = await api.http.get(`/imports/${preview.body.importId}`).set('authorization', `Bearer ${sup}`).expect(200);
    expect(detail.body.fileName).toBe(name);
    expect(detail.body.parsed.plan.title).toBe('市科技局2027年督查要点');
  });
});
