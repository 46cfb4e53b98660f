import { startTestApi, TestApi } from '../support/api-app';
import { cityWorkbook } from './city-directory';

const ADMIN = { username: 'admin', password: 'duban-admin' };

describe('organisation directory of another city: /directory imports and export', () => {
  let api: TestApi;
  let admin: string;
  let committed: { counts: Record<string, { created: number }>; initialPasswords: { username: string; password: string }[] };

  const auth = () => ({ authorization: `Bearer ${admin}` });
  const upload = (name: string, content: Buffer) => api.http.post('/directory/imports').set(auth()).attach('file', content, name);
  const snapshot = async () => ({
    units: await api.ds.query(`SELECT id, code, name, aliases, parent_id, kind, version FROM units ORDER BY code`),
    groups: await api.ds.query(`SELECT id, name, aliases, member_ids FROM unit_groups ORDER BY name`),
    users: await api.ds.query(`SELECT id, username, display_name, unit_id, roles, email, phone, password_hash, version FROM users ORDER BY username`),
  });

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login(ADMIN.username, ADMIN.password);
    const preview = await upload('某市单位通讯录.xlsx', await cityWorkbook()).expect(201);
    expect(preview.body.counts).toEqual({
      units: { created: 7, updated: 0, unchanged: 0 },
      groups: { created: 1, updated: 0, unchanged: 0 },
      users: { created: 4, updated: 0, unchanged: 0 },
    });
    // a preview changes nothing
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM units`)).toEqual([{ n: 0 }]);
    committed = (await api.http.post(`/directory/imports/${preview.body.importId}/commit`).set(auth()).expect(200)).body;
  });
  afterAll(() => api.close());

  it('starts from an empty directory and takes units, parents, groups and users from the office\'s workbook', async () => {
    expect(committed.counts.units.created).toBe(7);
    const units: { name: string; parent: string | null; aliases: string[] }[] = await api.ds.query(
      `SELECT u.name, p.name AS parent, u.aliases FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.name`,
    );
    expect(units.find((u) => u.name === '某市东区发展和改革局')).toMatchObject({ parent: '某市东区人民政府', aliases: [] });
    expect(units.find((u) => u.name === '某市财政局')).toMatchObject({ parent: '某市人民政府', aliases: ['市财政局'] });
    const [group] = await api.ds.query(`SELECT aliases, cardinality(member_ids) AS n FROM unit_groups WHERE name = '各区人民政府'`);
    expect(group).toEqual({ aliases: ['各区政府', '各区'], n: 2 });
    const users: { username: string; roles: string[]; unit: string | null; phone: string | null }[] = await api.ds.query(
      `SELECT u.username, u.roles, n.name AS unit, u.phone FROM users u LEFT JOIN units n ON n.id = u.unit_id ORDER BY u.username`,
    );
    expect(users.find((u) => u.username === 'mc.fgw.li')).toEqual({ username: 'mc.fgw.li', roles: ['unit_head', 'staff'], unit: '某市发展和改革委员会', phone: '+86 27 8888 0000' });
    // users without an 初始密码 got one, shown once; the others log in with theirs
    expect(committed.initialPasswords.map((p) => p.username).sort()).toEqual(['mc.fgw.li', 'mc.fgw.zhang']);
    const zhang = committed.initialPasswords.find((p) => p.username === 'mc.fgw.zhang')!;
    await api.login('mc.fgw.zhang', zhang.password);
    await api.login('mc.kjj.wang', 'initial-pass-1');
    await api.http.post(`/directory/imports/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/commit`).set(auth()).expect(404);
  });

  it('refuses a file with one bad row, naming its row, and writes nothing', async () => {
    const before = await snapshot();
    const bad = await cityWorkbook((t) => {
      t.units.push(['某市西区发展和改革局', 'mc-xq-fgj', '', '西区政府', 'department', '']);
      t.users[4][2] = '某市数据局'; // row 5 of 用户
    });
    const res = await upload('bad.xlsx', bad).expect(422);
    expect(res.body.code).toBe('invalid_rows');
    expect(res.body.errors).toEqual([{ sheet: '用户', row: 5, message: '第 5 行：单位「某市数据局」不存在' }]);
    expect(await snapshot()).toEqual(before);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM directory_imports WHERE file_name = 'bad.xlsx'`)).toEqual([{ n: 0 }]);
  });

  it('imports a plan of that city with its units resolved through the directory\'s short names and groups', async () => {
    const sup = await api.login('mc.sup', 'initial-pass-2');
    const text = [
      '某市2031年重点工作任务分工方案',
      '一、重点任务',
      '1.建设全市统一的数据共享平台，2031年9月底前完成。(牵头单位:市发改委;责任单位:市财政局、市科技局)',
      '2.推进城市更新，2031年12月底前完成。(牵头单位:市发展改革委;责任单位:各区人民政府)',
      '3.优化东区营商环境，2031年6月底前完成。(牵头单位:东区政府;责任单位:市发改委)',
    ].join('\n');
    const preview = await api.http.post('/imports').set({ authorization: `Bearer ${sup}` }).attach('file', Buffer.from(text), 'mc-2031.txt').expect(201);
    expect(preview.body.unknownUnits).toEqual([]);
    const commit = await api.http.post(`/imports/${preview.body.importId}/commit`).set({ authorization: `Bearer ${sup}` }).expect(200);
    expect(commit.body.pendingUnits).toEqual([]);
    const rows: { code: string; role: string; name: string }[] = await api.ds.query(
      `SELECT t.code, a.role, u.name FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id
        WHERE t.plan_id = $1 ORDER BY t.code, a.role, u.name`,
      [commit.body.planId],
    );
    const of = (code: string) => rows.filter((r) => r.code === code).map((r) => `${r.role}:${r.name}`);
    expect(of('1')).toEqual(['lead:某市发展和改革委员会', 'responsible:某市科学技术局', 'responsible:某市财政局']);
    expect(of('2')).toEqual(['lead:某市发展和改革委员会', 'responsible:某市东区人民政府', 'responsible:某市西区人民政府']);
    expect(of('3')).toEqual(['lead:某市东区人民政府', 'responsible:某市发展和改革委员会']);
  });

  it('exports the directory so that importing the export changes nothing (xlsx, and each CSV table)', async () => {
    const before = await snapshot();
    const xlsx = await api.http.get('/directory/export').set(auth()).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('单位目录.xlsx'));
    const again = await upload('export.xlsx', xlsx.body).expect(201);
    expect(again.body.counts).toEqual({
      units: { created: 0, updated: 0, unchanged: 7 },
      groups: { created: 0, updated: 0, unchanged: 1 },
      users: { created: 0, updated: 0, unchanged: 5 },
    });
    await api.http.post(`/directory/imports/${again.body.importId}/commit`).set(auth()).expect(200);
    for (const sheet of ['units', 'groups', 'users']) {
      const csv = await api.http.get(`/directory/export?format=csv&sheet=${sheet}`).set(auth()).buffer(true).parse(binary).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const p = await upload(`${sheet}.csv`, csv.body).expect(201);
      const counts = p.body.counts[sheet];
      expect(counts.created + counts.updated).toBe(0);
      expect(counts.unchanged).toBeGreaterThan(0);
      await api.http.post(`/directory/imports/${p.body.importId}/commit`).set(auth()).expect(200);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('is for admins only', async () => {
    const staff = await api.login('mc.kjj.wang', 'initial-pass-1');
    await api.http.get('/directory/export').set({ authorization: `Bearer ${staff}` }).expect(403);
    await api.http.post('/directory/imports').set({ authorization: `Bearer ${staff}` }).attach('file', await cityWorkbook(), 'x.xlsx').expect(403);
  });
});

function binary(res: { on(e: string, cb: (c?: Buffer) => void): void; setEncoding?: unknown }, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => c && chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
