import { hashPassword, UnitRepository, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../support/api-app';

/** A made-up city with districts: nothing here is Wuhan's. */
const DIRECTORY = {
  units: [
    { code: 'jq', name: '某市甲区人民政府', aliases: ['甲区人民政府', '甲区政府'], parent: null, kind: 'district' },
    { code: 'jq-fgj', name: '某市甲区发展和改革局', aliases: [], parent: '某市甲区人民政府', kind: 'department' },
    { code: 'jq-czj', name: '某市甲区财政局', aliases: [], parent: '某市甲区人民政府', kind: 'department' },
    { code: 'jq-scjgj', name: '某市甲区市场监督管理局', aliases: [], parent: '某市甲区人民政府', kind: 'department' },
    { code: 'yq', name: '某市乙区人民政府', aliases: ['乙区人民政府'], parent: null, kind: 'district' },
    { code: 'yq-fgj', name: '某市乙区发展和改革局', aliases: [], parent: '某市乙区人民政府', kind: 'department' },
    { code: 'yq-scjgj', name: '某市乙区市场监督管理局', aliases: [], parent: '某市乙区人民政府', kind: 'department' },
  ],
  groups: [],
};

const doc = (title: string, items: string[]) => Buffer.from([title, '一、重点任务', ...items.map((t, i) => `${i + 1}.${t}`)].join('\n'));

const JIA = doc('甲区2031年重点工作任务分工方案', [
  '建设甲区数字产业园，2031年12月底前完成一期工程建设。(牵头单位:区发改局;责任单位:区财政局)',
  '推进老旧小区改造，2031年10月底前完成20个小区改造。(牵头单位:区住建局;责任单位:区财政局)',
  '开展营商环境专项行动，2031年6月底前完成。(牵头单位:区发改局;责任单位:区市场监管局)',
  '优化政务服务流程，2031年6月底前完成。(牵头单位:区发改局;责任单位:区数据局)',
  '组织消夏文化活动月，2031年8月底前完成。(牵头单位:区文旅局)',
]);

describe('correcting an import preview (PATCH /imports/:id) and what commit makes of it', () => {
  let api: TestApi;
  let sup: string;
  let sup2: string;
  const unitId: Record<string, string> = {};
  let importId: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (name: string, content: Buffer) => api.http.post('/imports').set(auth(sup)).attach('file', content, name);
  const patch = (id: string, body: object, token = sup) => api.http.patch(`/imports/${id}`).set(auth(token)).send(body);
  const leadOf = async (planId: string, code: string) =>
    (await api.ds.query(
      `SELECT u.name FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id WHERE t.plan_id = $1 AND t.code = $2 AND a.role = 'lead'`,
      [planId, code],
    )).map((r: { name: string }) => r.name);

  // A database per test: what one import teaches (aliases, pending units) would change what the next reads.
  beforeEach(async () => {
    api = await startTestApi();
    const units = api.app.get(UnitRepository);
    await units.upsertDirectory(DIRECTORY);
    for (const u of DIRECTORY.units) unitId[u.name] = (await units.findByCode(u.code))!.id;
    const users = api.app.get(UserRepository);
    const passwordHash = await hashPassword('correct-pass-1');
    for (const username of ['sup', 'sup2']) {
      await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: ['supervisor'] });
    }
    sup = await api.login('sup', 'correct-pass-1');
    sup2 = await api.login('sup2', 'correct-pass-1');
  });
  afterEach(() => api.close());

  /** Imports JIA with its unknown names mapped (so the issuer 甲区 learns them) and commits it. */
  async function commitJiaWithMappings(): Promise<void> {
    const preview = await upload('jia.txt', JIA).expect(201);
    await patch(preview.body.importId, {
      version: 1,
      edits: [
        { op: 'mapUnit', name: '区发改局', unitId: unitId['某市甲区发展和改革局'] },
        { op: 'mapUnit', name: '区财政局', unitId: unitId['某市甲区财政局'] },
      ],
    }).expect(200);
    const commit = await api.http.post(`/imports/${preview.body.importId}/commit`).set(auth(sup)).expect(200);
    expect(commit.body.learnedAliases.sort()).toEqual(['区发改局', '区财政局'].sort());
  }

  it('lists unknown units with proposals, applies mapped units, a fixed deadline, a drop and a merge, and commits the corrected draft', async () => {
    const preview = await upload('jia.txt', JIA).expect(201);
    importId = preview.body.importId;
    expect(preview.body.unknownUnits).toEqual(expect.arrayContaining(['区发改局', '区财政局', '区市场监管局', '区数据局']));
    const scjg = preview.body.proposals.find((p: { name: string }) => p.name === '区市场监管局');
    expect(scjg).toMatchObject({ normalized: '区市场监管局', proposed: '区市场监管局' });
    // both districts have one; the document is 甲区's, so 甲区's comes first
    expect(scjg.candidates.map((c: { name: string }) => c.name).slice(0, 2)).toEqual(['某市甲区市场监督管理局', '某市乙区市场监督管理局']);

    const before = await api.http.get(`/imports/${importId}`).set(auth(sup)).expect(200);
    expect(before.body).toMatchObject({ version: 1, corrections: [], correctedFields: {} });
    expect(before.body.draft).toEqual(before.body.parsed);

    const edited = await patch(importId, {
      version: 1,
      edits: [
        { op: 'mapUnit', name: '区发改局', unitId: unitId['某市甲区发展和改革局'] },
        { op: 'mapUnit', name: '区财政局', unitId: unitId['某市甲区财政局'] },
        { op: 'createUnit', name: '区数据局', unitName: '某市甲区数据局' },
        { op: 'setTask', code: '1', title: '建设甲区数字产业园一期' },
        { op: 'setTask', code: '2', deadline: '9月底前' },
        { op: 'dropTask', code: '5' },
        { op: 'mergeTasks', into: '3', codes: ['4'] },
      ],
    }).expect(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.draft.tasks.map((t: { code: string }) => t.code)).toEqual(['1', '2', '3']);
    expect(edited.body.draft.tasks[1]).toMatchObject({ deadline: '2031-09-30', deadlineText: '9月底前' });
    expect(edited.body.correctedFields).toEqual({ '1': ['title'], '2': ['deadline'], '5': ['dropped'], '3': ['merged'] });
    expect(edited.body.unknownUnits.sort()).toEqual(['区住建局', '区市场监管局'].sort());
    expect(edited.body.mappings['区发改局']).toEqual({ unitId: unitId['某市甲区发展和改革局'], unitName: '某市甲区发展和改革局' });
    // the document as read is kept beside the draft
    expect(edited.body.parsed.tasks).toHaveLength(5);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM tasks`)).toEqual([{ n: 0 }]);

    const commit = await api.http.post(`/imports/${importId}/commit`).set(auth(sup)).expect(200);
    expect(commit.body).toMatchObject({ kind: 'new', tasksCreated: 3, createdUnits: ['某市甲区数据局'] });
    expect(commit.body.learnedAliases.sort()).toEqual(['区发改局', '区数据局', '区财政局'].sort());
    const planId = commit.body.planId;
    const tasks: { code: string; title: string; content: string; due: string; deadline_text: string | null }[] = await api.ds.query(
      `SELECT code, title, content, deadline_text, to_char(due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS due
         FROM tasks WHERE plan_id = $1 ORDER BY code`,
      [planId],
    );
    expect(tasks.map((t) => t.code)).toEqual(['1', '2', '3']);
    expect(tasks[0].title).toBe('建设甲区数字产业园一期');
    expect(tasks[1]).toMatchObject({ due: '2031-09-30 18:00', deadline_text: '9月底前' });
    expect(tasks[2].content).toContain('优化政务服务流程');
    expect(await leadOf(planId, '1')).toEqual(['某市甲区发展和改革局']);
    const merged: { name: string }[] = await api.ds.query(
      `SELECT u.name FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id WHERE t.plan_id = $1 AND t.code = '3' ORDER BY u.name`,
      [planId],
    );
    expect(merged.map((r) => r.name)).toEqual(expect.arrayContaining(['某市甲区发展和改革局', '某市甲区数据局']));
    const [created] = await api.ds.query(`SELECT pending FROM units WHERE name = '某市甲区数据局'`);
    expect(created.pending).toBe(false);

    const [audit] = await api.ds.query(`SELECT entity_id, after FROM audit_events WHERE action = 'import.corrections_applied'`);
    expect(audit.entity_id).toBe(planId);
    expect(audit.after.corrections.map((c: { field: string; code: string | null; name?: string }) => `${c.code ?? c.name}:${c.field}`)).toEqual([
      '区发改局:unit', '区财政局:unit', '区数据局:unit', '1:title', '2:deadline', '5:dropped', '3:merged',
    ]);
    const after = await api.http.get(`/imports/${importId}`).set(auth(sup)).expect(200);
    expect(after.body).toMatchObject({ status: 'committed', correctedFields: { '2': ['deadline'] } });
  });

  it('resolves a learned name on the next import of the same issuer, and never for another district', async () => {
    await commitJiaWithMappings();
    const again = doc('甲区2031年第二批重点工作任务', ['建设智慧社区，2031年11月底前完成。(牵头单位:区发改局;责任单位:区财政局)']);
    const preview = await upload('jia-2.txt', again).expect(201);
    expect(preview.body.unknownUnits).toEqual([]);
    const commit = await api.http.post(`/imports/${preview.body.importId}/commit`).set(auth(sup)).expect(200);
    expect(await leadOf(commit.body.planId, '1')).toEqual(['某市甲区发展和改革局']);

    const other = doc('乙区2031年重点工作任务', ['建设乙区物流园，2031年11月底前完成。(牵头单位:区发改局)']);
    const yi = await upload('yi.txt', other).expect(201);
    expect(yi.body.unknownUnits).toEqual(['区发改局']);
  });

  it('answers 409 to a stale version and 422 naming the item and field, keeping the draft', async () => {
    const preview = await upload('jia-3.txt', doc('甲区2032年重点工作任务', ['建设口袋公园，2032年5月底前完成。(牵头单位:区发改局)', '修缮区图书馆，2032年9月底前完成。(牵头单位:区发改局)'])).expect(201);
    const id = preview.body.importId;
    await patch(id, { version: 1, edits: [{ op: 'setTask', code: '1', title: '建设口袋公园10个' }] }).expect(200);
    const stale = await patch(id, { version: 1, edits: [{ op: 'dropTask', code: '2' }] }).expect(409);
    expect(stale.body.currentVersion).toBe(2);

    const bad = await patch(id, { version: 2, edits: [{ op: 'dropTask', code: '2' }, { op: 'setTask', code: '1', deadline: '九月中下旬左右' }] }).expect(422);
    expect(bad.body).toMatchObject({ item: '1', field: 'deadline', code: 'invalid_correction' });
    expect(bad.body.message).toMatch(/事项 1 的完成时限「九月中下旬左右」无法识别/);
    const missing = await patch(id, { version: 2, edits: [{ op: 'setTask', code: '9', title: 'x' }] }).expect(422);
    expect(missing.body.message).toBe('事项 9 不存在（可能已删除或已合并）');
    await patch(id, { version: 2, edits: [{ op: 'mapUnit', name: '区发改局' }] }).expect(400);

    const now = await api.http.get(`/imports/${id}`).set(auth(sup)).expect(200);
    expect(now.body.version).toBe(2);
    expect(now.body.draft.tasks.map((t: { code: string; title: string }) => t.title)).toEqual(['建设口袋公园10个', '修缮区图书馆，2032年9月底前完成']);

    await patch(id, { version: 2, edits: [{ op: 'dropTask', code: '2' }] }, sup2).expect(403);
    await api.http.post(`/imports/${id}/commit`).set(auth(sup)).expect(200);
    await patch(id, { version: 2, edits: [{ op: 'dropTask', code: '2' }] }).expect(409);
  });
});
