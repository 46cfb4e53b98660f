import { startWorkflowApp, WorkflowApp } from '../../support/workflow-app';

/**
 * The API behind two pieces of the supervisor's and admin's pages, on one app: saved views of the 总台账
 * (/me/views) and unit groups on 单位管理 (/unit-groups). Refusals say why in Chinese and write nothing.
 */
describe('saved views and unit groups', () => {
  let w: WorkflowApp;
  const h = (user: string) => ({ Authorization: `Bearer ${w.tokens[user]}` });
  const count = async (sql: string, params: unknown[] = []) => Number((await w.ds.query(sql, params))[0].n);

  beforeAll(async () => {
    w = await startWorkflowApp();
  });
  afterAll(async () => {
    await w?.close();
  });

  describe('/me/views (我的视图 of the 总台账)', () => {
    const views = () => count(`SELECT count(*) AS n FROM saved_views`);

    it('saves, lists (mine only, by name), refuses a taken or empty name, and deletes', async () => {
      const a = await w.http.post('/me/views').set(h('sup')).send({ name: ' 超期事项 ', query: '?overdue=true&sort=dueAt:asc' }).expect(201);
      expect(a.body).toMatchObject({ page: 'ledger', name: '超期事项', query: 'overdue=true&sort=dueAt:asc' });
      await w.http.post('/me/views').set(h('sup')).send({ name: '科技局', query: `unitId=${w.unitIds.kjj}` }).expect(201);
      // The same name is another person's own business.
      await w.http.post('/me/views').set(h('leader')).send({ name: '超期事项', query: 'light=red' }).expect(201);

      const mine = await w.http.get('/me/views').set(h('sup')).expect(200);
      expect(mine.body.map((v: { name: string }) => v.name)).toEqual(['科技局', '超期事项']);

      const before = await views();
      const taken = await w.http.post('/me/views').set(h('sup')).send({ name: '超期事项', query: 'light=yellow' }).expect(422);
      expect(taken.body.message).toEqual(['name: 已有名为「超期事项」的视图，请换一个名称']);
      const empty = await w.http.post('/me/views').set(h('sup')).send({ name: '   ', query: 'light=yellow' }).expect(422);
      expect(empty.body.message).toEqual(['name: 请填写视图名称']);
      const long = await w.http.post('/me/views').set(h('sup')).send({ name: '视'.repeat(41), query: '' }).expect(422);
      expect(long.body.message).toEqual(['name: 视图名称不能超过 40 个字']);
      await w.http.post('/me/views').set(h('sup')).send({ name: 'x', query: 'a', page: 'inbox' }).expect(400);
      await w.http.post('/me/views').set(h('sup')).send({ name: 'x' }).expect(400);
      expect(await views()).toBe(before);

      // Another person's view is not there for me to delete.
      await w.http.delete(`/me/views/${a.body.id}`).set(h('leader')).expect(404);
      await w.http.delete(`/me/views/${a.body.id}`).set(h('sup')).expect(204);
      expect((await w.http.get('/me/views').set(h('sup')).expect(200)).body.map((v: { name: string }) => v.name)).toEqual(['科技局']);
      await w.http.delete(`/me/views/${a.body.id}`).set(h('sup')).expect(404);
    });

    it('is for the 总台账’s users: staff are refused (403) and nothing is written', async () => {
      const before = await views();
      await w.http.get('/me/views').set(h('lead_staff')).expect(403);
      await w.http.post('/me/views').set(h('lead_staff')).send({ name: '我的', query: 'light=red' }).expect(403);
      expect(await views()).toBe(before);
    });
  });

  describe('/unit-groups (单位分组)', () => {
    const audits = (action: string, entityId?: string) =>
      entityId
        ? count(`SELECT count(*) AS n FROM audit_events WHERE action = $1 AND entity_id = $2`, [action, entityId])
        : count(`SELECT count(*) AS n FROM audit_events WHERE action = $1`, [action]);
    const groups = () => count(`SELECT count(*) AS n FROM unit_groups`);

    it('creates, renames, changes the members of and deletes a group, each audited; imports resolve it', async () => {
      const created = await w.http
        .post('/unit-groups')
        .set(h('admin'))
        .send({ name: '经济部门 ', aliases: ['经济类部门'], memberIds: [w.unitIds.jxj, w.unitIds.fgw] })
        .expect(201);
      expect(created.body).toMatchObject({ name: '经济部门', aliases: ['经济类部门'], version: 1 });
      expect(created.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['市发改委', '市经信局'].sort());
      const id = created.body.id as string;
      // Its own group's audit rows: the other test of this block writes groups too.
      expect(await audits('unit_group.created', id)).toBe(1);

      const renamed = await w.http
        .patch(`/unit-groups/${id}`)
        .set(h('admin'))
        .send({ version: 1, name: '经济运行部门', memberIds: [w.unitIds.jxj, w.unitIds.fgw, w.unitIds.czj] })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: '经济运行部门', aliases: ['经济类部门'], version: 2 });
      expect(renamed.body.members).toHaveLength(3);
      const [audit] = await w.ds.query(`SELECT before, after FROM audit_events WHERE action = 'unit_group.updated' AND entity_id = $1`, [id]);
      expect(audit.before).toMatchObject({ name: '经济部门', version: 1 });
      expect(audit.after).toMatchObject({ name: '经济运行部门', version: 2 });

      // A document naming the group (or its alias) gets its members, as for groups from the directory import.
      const item = await w.http
        .post('/tasks')
        .set(h('sup'))
        .send({ sourceType: '领导批示', year: 2030, title: '分组交办测试', deadline: '2030-10-31', leadUnits: ['市科技局'], responsibleUnits: ['经济类部门'] })
        .expect(201);
      const roles = Object.fromEntries(item.body.assignments.map((a: { unitId: string; role: string }) => [a.unitId, a.role]));
      expect(roles).toEqual({ [w.unitIds.kjj]: 'lead', [w.unitIds.jxj]: 'responsible', [w.unitIds.fgw]: 'responsible', [w.unitIds.czj]: 'responsible' });

      const listed = await w.http.get('/unit-groups').set(h('sup')).expect(200);
      expect(listed.body.map((g: { name: string }) => g.name)).toContain('经济运行部门');

      const stale = await w.http.delete(`/unit-groups/${id}?version=1`).set(h('admin')).expect(409);
      expect(stale.body.currentVersion).toBe(2);
      await w.http.delete(`/unit-groups/${id}?version=2`).set(h('admin')).expect(204);
      expect(await audits('unit_group.deleted', id)).toBe(1);
      expect((await w.http.get('/unit-groups').set(h('admin')).expect(200)).body.map((g: { id: string }) => g.id)).not.toContain(id);
    });

    it('refuses bad groups in Chinese naming the field (422), other roles (403) and stale edits (409), writing nothing', async () => {
      const g = await w.http.post('/unit-groups').set(h('admin')).send({ name: '教育部门', memberIds: [w.unitIds.jyj] }).expect(201);
      const before = { groups: await groups(), created: await audits('unit_group.created'), updated: await audits('unit_group.updated') };
      const unknown = '00000000-0000-4000-8000-000000000009';

      const bad = await w.http.post('/unit-groups').set(h('admin')).send({ name: '  ', memberIds: [unknown] }).expect(422);
      expect(bad.body.message).toEqual(['name: 请填写分组名称', `memberIds: 单位 ${unknown} 不存在`]);
      const taken = await w.http.post('/unit-groups').set(h('admin')).send({ name: '教育部门', aliases: ['科技局'], memberIds: [] }).expect(422);
      expect(taken.body.message).toEqual(['name: 「教育部门」已是分组「教育部门」的名称或别名', 'aliases: 「科技局」已是单位「市科技局」的名称或别名']);
      await w.http.post('/unit-groups').set(h('admin')).send({ name: '新分组', memberIds: ['x'] }).expect(400);
      await w.http.post('/unit-groups').set(h('sup')).send({ name: '新分组', memberIds: [] }).expect(403);
      await w.http.post('/unit-groups').set(h('lead_staff')).send({ name: '新分组', memberIds: [] }).expect(403);
      await w.http.patch(`/unit-groups/${g.body.id}`).set(h('sup')).send({ version: 1, name: '改名' }).expect(403);
      await w.http.delete(`/unit-groups/${g.body.id}?version=1`).set(h('lead_staff')).expect(403);
      await w.http.get('/unit-groups').set(h('lead_staff')).expect(403);
      const renamedToUnit = await w.http.patch(`/unit-groups/${g.body.id}`).set(h('admin')).send({ version: 1, name: '市教育局' }).expect(422);
      expect(renamedToUnit.body.message).toEqual(['name: 「市教育局」已是单位「市教育局」的名称或别名']);
      await w.http.patch(`/unit-groups/${g.body.id}`).set(h('admin')).send({ version: 7, name: '教育类部门' }).expect(409);

      expect({ groups: await groups(), created: await audits('unit_group.created'), updated: await audits('unit_group.updated') }).toEqual(before);
      const [row] = await w.ds.query(`SELECT name, version FROM unit_groups WHERE id = $1`, [g.body.id]);
      expect(row).toEqual({ name: '教育部门', version: 1 });
    });
  });
});
