import { Role, UNIT_ROLES } from '../roles';
import { DirectoryRows, RowError, roleOf, SHEETS } from './directory-rows';

/** The directory as stored, as far as a directory file describes it. */
export interface CurrentDirectory {
  units: { id: string; code: string; name: string; aliases: string[]; parentId: string | null; kind: string; pending: boolean }[];
  groups: { id: string; name: string; aliases: string[]; memberIds: string[] }[];
  users: { id: string; username: string; displayName: string; unitId: string | null; roles: Role[]; email: string | null; phone: string | null; active: boolean }[];
}

/** What a unit row makes of the directory. Units are named by `name`; parents by their name too. */
export interface UnitChange {
  row: number;
  id: string | null;
  /** null: a new unit without a code in the file gets one made up when it is written. */
  code: string | null;
  name: string;
  aliases: string[];
  kind: string;
  parent: string | null;
  changed: string[];
}

export interface GroupChange {
  id: string | null;
  name: string;
  aliases: string[];
  /** Names of the member units, existing members the file does not mention first. */
  members: string[];
  changed: string[];
}

export interface UserChange {
  row: number;
  id: string | null;
  username: string;
  displayName: string;
  unit: string | null;
  roles: Role[];
  email: string | null;
  phone: string | null;
  /** A new password (initial or reset); null keeps the password, or makes one up for a new user. */
  password: string | null;
  changed: string[];
}

export interface DirectoryPlan {
  units: UnitChange[];
  groups: GroupChange[];
  users: UserChange[];
  errors: RowError[];
}

const CODE = /^[\w.-]{1,64}$/;
const USERNAME = /^[\w.@-]{3,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Compares a directory file with the stored directory: which units, groups and users it creates or
 * changes, and every bad row. Nothing the file does not mention is removed. `actor` is the admin
 * importing it (who cannot take away their own admin role).
 */
export function planDirectory(rows: DirectoryRows, current: CurrentDirectory, actor?: { username: string }): DirectoryPlan {
  const errors: RowError[] = [];
  const fail = (sheet: string, row: number, message: string) => errors.push({ sheet, row, message: `第 ${row} 行：${message}` });
  const byId = new Map(current.units.map((u) => [u.id, u]));
  const byCode = new Map(current.units.map((u) => [u.code, u]));
  const byName = new Map(current.units.map((u) => [u.name, u]));

  // Units.
  const units: UnitChange[] = [];
  const fileNames = new Map<string, number>();
  const fileCodes = new Map<string, number>();
  for (const r of rows.units) {
    const s = SHEETS.units;
    if (!r.name) {
      fail(s, r.row, '单位名称不能为空');
      continue;
    }
    if (r.name.length > 200) fail(s, r.row, `单位名称「${r.name.slice(0, 20)}…」超过 200 字`);
    if (fileNames.has(r.name)) fail(s, r.row, `单位「${r.name}」与第 ${fileNames.get(r.name)} 行重复`);
    fileNames.set(r.name, r.row);
    if (r.code && !CODE.test(r.code)) fail(s, r.row, `单位代码「${r.code}」只能由字母、数字、_ . - 组成（至多 64 个）`);
    if (r.code && fileCodes.has(r.code)) fail(s, r.row, `单位代码「${r.code}」与第 ${fileCodes.get(r.code)} 行重复`);
    if (r.code) fileCodes.set(r.code, r.row);
    const withCode = r.code ? byCode.get(r.code) : undefined;
    const withName = byName.get(r.name);
    if (withCode && withName && withCode !== withName) {
      fail(s, r.row, `单位代码「${r.code}」属于「${withCode.name}」，而名称「${r.name}」属于另一单位（${withName.code}）`);
    }
    const match = withCode ?? withName;
    // A pending unit (named by a document) confirmed by the file becomes an ordinary department.
    const kind = r.kind || (match && !match.pending ? match.kind : 'department');
    const change: UnitChange = { row: r.row, id: match?.id ?? null, code: r.code || match?.code || null, name: r.name, aliases: r.aliases, kind, parent: r.parent || null, changed: [] };
    if (match) {
      if (match.name !== r.name) change.changed.push('name');
      if (match.code !== change.code) change.changed.push('code');
      if (!sameList(match.aliases, r.aliases)) change.changed.push('aliases');
      if (match.kind !== kind) change.changed.push('kind');
      if (match.pending) change.changed.push('pending');
    }
    units.push(change);
  }

  // Names: a unit's name or alias names no other unit, so a document's name finds one unit.
  const owner = new Map<string, string>();
  const claim = (name: string, unit: string, sheet: string, row: number) => {
    const had = owner.get(name);
    if (had && had !== unit) fail(sheet, row, `名称「${name}」已是单位「${had}」的名称或别名`);
    else owner.set(name, unit);
  };
  const renamed = new Set(units.filter((u) => u.id).map((u) => u.id));
  for (const u of current.units) {
    if (renamed.has(u.id)) continue;
    for (const n of [u.name, ...u.aliases]) owner.set(n, u.name);
  }
  for (const u of units) for (const n of [u.name, ...u.aliases]) claim(n, u.name, SHEETS.units, u.row);

  // Parents: a unit of the file or of the directory, by name, code or alias; no cycles.
  const finder = unitFinder(units, current);
  for (const u of units) {
    if (!u.parent) continue;
    const parent = finder(u.parent);
    if (!parent) fail(SHEETS.units, u.row, `上级单位「${u.parent}」不存在`);
    else if (parent === u.name) fail(SHEETS.units, u.row, `单位「${u.name}」不能是自己的上级单位`);
    // A refused parent is reported once, not again as a cycle.
    u.parent = parent && parent !== u.name ? parent : null;
  }
  const parentOf = new Map<string, string | null>();
  for (const c of current.units) parentOf.set(c.name, c.parentId ? (byId.get(c.parentId)?.name ?? null) : null);
  for (const u of units) {
    const before = u.id ? byId.get(u.id)! : undefined;
    if (before) parentOf.delete(before.name);
    parentOf.set(u.name, u.parent);
  }
  for (const u of units) {
    const seen = new Set<string>([u.name]);
    for (let p = u.parent; p; p = parentOf.get(p) ?? null) {
      if (seen.has(p)) {
        fail(SHEETS.units, u.row, `上级单位「${u.parent}」会形成循环`);
        break;
      }
      seen.add(p);
    }
    const before = u.id ? byId.get(u.id) : undefined;
    const was = before?.parentId ? (byId.get(before.parentId)?.name ?? null) : null;
    if (before && was !== u.parent) u.changed.push('parent');
  }

  const groups = planGroups(rows, current, units, fail, byId);
  const users = planUsers(rows, current, finder, fail, byId, actor);
  return { units, groups, users, errors };
}

type Fail = (sheet: string, row: number, message: string) => void;

/** Finds a unit named in a cell: the file's units first (name, code, alias), then the directory's. */
function unitFinder(units: UnitChange[], current: CurrentDirectory): (cell: string) => string | undefined {
  const names = new Map<string, string>();
  const add = (k: string | null, name: string) => {
    if (k && !names.has(k)) names.set(k, name);
  };
  for (const u of units) add(u.name, u.name);
  for (const u of units) add(u.code, u.name);
  for (const u of current.units) {
    if (u.pending) continue;
    add(u.name, u.name);
    add(u.code, u.name);
  }
  for (const u of units) for (const a of u.aliases) add(a, u.name);
  for (const u of current.units) if (!u.pending) for (const a of u.aliases) add(a, u.name);
  // A unit a document named and nobody confirmed yet may already have staff.
  for (const u of current.units) if (u.pending) add(u.name, u.name);
  return (cell) => names.get(cell.trim());
}

function planGroups(rows: DirectoryRows, current: CurrentDirectory, units: UnitChange[], fail: Fail, byId: Map<string, { name: string }>): GroupChange[] {
  const listed = new Map<string, { aliases: string[] | null }>();
  const rowOf = new Map<string, number>();
  for (const g of rows.groups) {
    if (!g.name) fail(SHEETS.groups, g.row, '分组名称不能为空');
    else if (rowOf.has(g.name)) fail(SHEETS.groups, g.row, `分组「${g.name}」与第 ${rowOf.get(g.name)} 行重复`);
    else {
      rowOf.set(g.name, g.row);
      listed.set(g.name, { aliases: g.aliases });
    }
  }
  for (const u of units) {
    const row = rows.units.find((r) => r.row === u.row)!;
    for (const g of row.groups) if (!listed.has(g)) listed.set(g, { aliases: null });
  }
  const inFile = new Set(units.map((u) => u.name));
  const out: GroupChange[] = [];
  for (const [name, { aliases }] of listed) {
    const before = current.groups.find((g) => g.name === name);
    const kept = (before?.memberIds ?? []).map((id) => byId.get(id)?.name).filter((n): n is string => !!n && !inFile.has(n));
    const named = units.filter((u) => rows.units.find((r) => r.row === u.row)!.groups.includes(name)).map((u) => u.name);
    const members = [...kept, ...named];
    const beforeMembers = (before?.memberIds ?? []).map((id) => byId.get(id)?.name).filter((n): n is string => !!n);
    const change: GroupChange = { id: before?.id ?? null, name, aliases: aliases ?? before?.aliases ?? [], members, changed: [] };
    if (before && !sameList(before.aliases, change.aliases)) change.changed.push('aliases');
    if (before && !sameSet(beforeMembers, members)) change.changed.push('members');
    out.push(change);
  }
  // A group the file no longer names for any of its units loses those units.
  for (const g of current.groups) {
    if (listed.has(g.name)) continue;
    const names = g.memberIds.map((id) => byId.get(id)?.name).filter((n): n is string => !!n);
    const members = names.filter((n) => !inFile.has(n));
    if (members.length !== names.length) out.push({ id: g.id, name: g.name, aliases: g.aliases, members, changed: ['members'] });
  }
  return out;
}

function planUsers(
  rows: DirectoryRows,
  current: CurrentDirectory,
  finder: (cell: string) => string | undefined,
  fail: Fail,
  byId: Map<string, { name: string }>,
  actor?: { username: string },
): UserChange[] {
  const s = SHEETS.users;
  const seen = new Map<string, number>();
  const out: UserChange[] = [];
  for (const r of rows.users) {
    if (!r.username) {
      fail(s, r.row, '用户名不能为空');
      continue;
    }
    if (!USERNAME.test(r.username)) fail(s, r.row, `用户名「${r.username}」只能由 3–64 个字母、数字、_ . @ - 组成`);
    if (seen.has(r.username)) fail(s, r.row, `用户名「${r.username}」与第 ${seen.get(r.username)} 行重复`);
    seen.set(r.username, r.row);
    if (!r.displayName) fail(s, r.row, '姓名不能为空');
    const unit = r.unit ? finder(r.unit) : null;
    if (r.unit && !unit) fail(s, r.row, `单位「${r.unit}」不存在`);
    const before = current.users.find((u) => u.username === r.username);
    const roles: Role[] = [];
    const unknownRoles = r.roles.filter((word) => !roleOf(word));
    for (const word of unknownRoles) fail(s, r.row, `角色「${word}」无法识别（可填 承办人、单位负责人、督办员、领导、管理员）`);
    for (const role of r.roles.map(roleOf)) if (role && !roles.includes(role)) roles.push(role);
    if (roles.length === 0) roles.push(...(before?.roles ?? ['staff']));
    if (!r.unit && unknownRoles.length === 0 && roles.some((x) => UNIT_ROLES.includes(x))) fail(s, r.row, '承办人、单位负责人须填写所属单位');
    if (r.email && !EMAIL.test(r.email)) fail(s, r.row, `电子邮箱「${r.email}」格式不正确`);
    if (r.phone.length > 50) fail(s, r.row, `电话「${r.phone.slice(0, 20)}…」超过 50 个字符`);
    if (r.password && r.password.length < 8) fail(s, r.row, '初始密码至少 8 个字符');
    if (actor && before && before.username === actor.username && before.roles.includes('admin') && !roles.includes('admin')) {
      fail(s, r.row, '不能取消自己的管理员角色');
    }
    const change: UserChange = {
      row: r.row,
      id: before?.id ?? null,
      username: r.username,
      displayName: r.displayName,
      unit: unit ?? null,
      roles,
      email: r.email || null,
      phone: r.phone || null,
      password: r.password || null,
      changed: [],
    };
    if (before) {
      const unitBefore = before.unitId ? (byId.get(before.unitId)?.name ?? null) : null;
      if (before.displayName !== change.displayName) change.changed.push('displayName');
      if (unitBefore !== change.unit) change.changed.push('unit');
      if (!sameSet(before.roles, roles)) change.changed.push('roles');
      if ((before.email ?? null) !== change.email) change.changed.push('email');
      if ((before.phone ?? null) !== change.phone) change.changed.push('phone');
      if (change.password) change.changed.push('password');
      if (!before.active) change.changed.push('active');
    }
    out.push(change);
  }
  return out;
}

/** created / updated / unchanged per table, for the preview. */
export function planCounts(plan: DirectoryPlan) {
  const count = (list: { id: string | null; changed: string[] }[]) => ({
    created: list.filter((x) => !x.id).length,
    updated: list.filter((x) => x.id && x.changed.length > 0).length,
    unchanged: list.filter((x) => x.id && x.changed.length === 0).length,
  });
  return { units: count(plan.units), groups: count(plan.groups), users: count(plan.users) };
}
