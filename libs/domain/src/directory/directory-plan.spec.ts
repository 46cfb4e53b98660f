import { CurrentDirectory, planCounts, planDirectory } from './directory-plan';
import { DirectoryRows, joinList, splitList } from './directory-rows';

const unit = (row: number, name: string, extra: Partial<DirectoryRows['units'][number]> = {}) => ({ row, name, code: '', aliases: [], parent: '', kind: '', groups: [], ...extra });
const user = (row: number, username: string, extra: Partial<DirectoryRows['users'][number]> = {}) => ({
  row, username, displayName: username, unit: '', roles: ['督办员'], email: '', phone: '', password: '', ...extra,
});
const EMPTY: CurrentDirectory = { units: [], groups: [], users: [] };
const CURRENT: CurrentDirectory = {
  units: [
    { id: 'g', code: 'gov', name: '某市人民政府', aliases: ['市政府'], parentId: null, kind: 'government', pending: false },
    { id: 'f', code: 'fgw', name: '某市发展和改革委员会', aliases: ['市发改委'], parentId: 'g', kind: 'department', pending: false },
    { id: 'p', code: 'pending-1', name: '市数据局', aliases: [], parentId: null, kind: 'pending', pending: true },
  ],
  groups: [{ id: 'grp', name: '各区人民政府', aliases: [], memberIds: ['f'] }],
  users: [{ id: 'u', username: 'admin', displayName: '管理员', unitId: null, roles: ['admin'], email: null, phone: null, active: true }],
};

describe('planDirectory', () => {
  it('numbers every bad row of every table in Chinese', () => {
    const rows: DirectoryRows = {
      units: [unit(2, '甲'), unit(3, '甲'), unit(4, '乙', { code: 'bad code!' }), unit(5, '丙', { parent: '丁' }), unit(6, '戊', { aliases: ['市发改委'] })],
      groups: [{ row: 2, name: '', aliases: [] }],
      users: [user(2, 'zhang', { unit: '某市数据局', roles: ['承办人'] }), user(3, 'lisi', { roles: ['科员'] }), user(4, 'x'), user(5, 'wang', { email: 'wang@', password: 'short' })],
    };
    expect(planDirectory(rows, CURRENT).errors.map((e) => `${e.sheet} ${e.message}`)).toEqual([
      '单位 第 3 行：单位「甲」与第 2 行重复',
      '单位 第 4 行：单位代码「bad code!」只能由字母、数字、_ . - 组成（至多 64 个）',
      '单位 第 6 行：名称「市发改委」已是单位「某市发展和改革委员会」的名称或别名',
      '单位 第 5 行：上级单位「丁」不存在',
      '分组 第 2 行：分组名称不能为空',
      '用户 第 2 行：单位「某市数据局」不存在',
      '用户 第 3 行：角色「科员」无法识别（可填 承办人、单位负责人、督办员、领导、管理员）',
      '用户 第 4 行：用户名「x」只能由 3–64 个字母、数字、_ . @ - 组成',
      '用户 第 5 行：电子邮箱「wang@」格式不正确',
      '用户 第 5 行：初始密码至少 8 个字符',
    ]);
  });

  it('finds units by name, code or alias, confirms a pending unit, and never removes what the file omits', () => {
    const rows: DirectoryRows = {
      units: [unit(2, '某市发展和改革委员会', { code: 'fgw', aliases: ['市发改委', '市发展改革委'], parent: '市政府', groups: [] }), unit(3, '市数据局', { parent: 'gov' })],
      groups: [],
      users: [user(2, 'zhang', { unit: 'fgw', roles: ['承办人'] }), user(3, 'admin', { roles: ['领导'] })],
    };
    const plan = planDirectory(rows, CURRENT, { username: 'admin' });
    expect(plan.errors).toEqual([{ sheet: '用户', row: 3, message: '第 3 行：不能取消自己的管理员角色' }]);
    expect(plan.units.map((u) => [u.name, u.changed])).toEqual([['某市发展和改革委员会', ['aliases']], ['市数据局', ['kind', 'pending', 'parent']]]);
    // the file lists 某市发改委 without the group: it leaves 各区人民政府
    expect(plan.groups).toEqual([{ id: 'grp', name: '各区人民政府', aliases: [], members: [], changed: ['members'] }]);
    expect(plan.users[0]).toMatchObject({ id: null, unit: '某市发展和改革委员会', roles: ['staff'] });
    expect(planCounts(plan).units).toEqual({ created: 0, updated: 2, unchanged: 0 });
  });

  it('refuses a parent cycle and a unit that is its own parent', () => {
    const rows: DirectoryRows = { units: [unit(2, '甲', { parent: '乙' }), unit(3, '乙', { parent: '甲' }), unit(4, '丙', { parent: '丙' })], groups: [], users: [] };
    expect(planDirectory(rows, EMPTY).errors.map((e) => e.message)).toEqual(['第 4 行：单位「丙」不能是自己的上级单位', '第 2 行：上级单位「乙」会形成循环', '第 3 行：上级单位「甲」会形成循环']);
  });

  it('splits lists as offices write them and writes them back the same', () => {
    expect(splitList('市发改委、发改委，发展改革委')).toEqual(['市发改委', '发改委', '发展改革委']);
    expect(splitList('各区(开发区)；各区、开发区')).toEqual(['各区(开发区)', '各区、开发区']);
    for (const list of [['各区、开发区'], ['a', 'b'], []]) expect(splitList(joinList(list))).toEqual(list);
  });
});
