import { Role, ROLES } from '../roles';

/**
 * An organisation directory as an office keeps it in a spreadsheet: a 单位 table, a 用户 table and
 * an optional 分组 table. `row` is the row number the office sees (the header is row 1).
 */
export interface UnitRow {
  row: number;
  name: string;
  code: string;
  aliases: string[];
  parent: string;
  kind: string;
  groups: string[];
}

export interface GroupRow {
  row: number;
  name: string;
  aliases: string[];
}

export interface UserRow {
  row: number;
  displayName: string;
  username: string;
  unit: string;
  roles: string[];
  email: string;
  phone: string;
  /** 初始密码: only for new users, or to reset one; blank keeps the password. */
  password: string;
}

export interface DirectoryRows {
  units: UnitRow[];
  groups: GroupRow[];
  users: UserRow[];
}

/** A bad row: the sheet (单位 / 分组 / 用户), its row number, and what is wrong, in Chinese. */
export interface RowError {
  sheet: string;
  row: number;
  message: string;
}

export const SHEETS = { units: '单位', groups: '分组', users: '用户' } as const;

/** Column titles, first = the one written on export; the others are read too. */
export const COLUMNS = {
  units: {
    name: ['单位名称', '名称', '单位全称'],
    code: ['单位代码', '代码', '编码'],
    aliases: ['简称/别名', '简称', '别名', '简称别名'],
    parent: ['上级单位', '上级'],
    kind: ['类型', '单位类型'],
    groups: ['分组', '所属分组'],
  },
  groups: {
    name: ['分组名称'],
    aliases: ['别名', '简称/别名', '简称'],
  },
  users: {
    displayName: ['姓名'],
    username: ['用户名', '账号', '登录名'],
    unit: ['单位', '所属单位', '单位名称'],
    roles: ['角色'],
    email: ['电子邮箱', '邮箱', 'email', 'e-mail'],
    phone: ['手机', '电话', '联系电话', '手机号'],
    password: ['初始密码', '密码'],
  },
} as const;

/** Columns a table cannot do without. */
export const REQUIRED = { units: ['name'], groups: ['name'], users: ['displayName', 'username'] } as const;

export const ROLE_LABELS: Record<Role, string> = {
  staff: '承办人',
  unit_head: '单位负责人',
  supervisor: '督办员',
  leader: '领导',
  admin: '管理员',
};

const ROLE_WORDS: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  ...Object.fromEntries(Object.entries(ROLE_LABELS).map(([r, l]) => [l, r as Role])),
  工作人员: 'staff',
  经办人: 'staff',
  负责人: 'unit_head',
  系统管理员: 'admin',
};

export function roleOf(word: string): Role | undefined {
  return ROLE_WORDS[word.trim().toLowerCase()] ?? ROLE_WORDS[word.trim()];
}

/**
 * The names in one cell. Offices list them with 、 or ，; a name may itself hold a 、 (各区、开发区),
 * so a cell that uses ； (or a line break) is split on that alone, and export always writes ；.
 */
export function splitList(cell: string): string[] {
  const sep = /[；;\n]/.test(cell) ? /[；;\n]/ : /[、,，|]/;
  return [...new Set(cell.split(sep).map((s) => s.trim()).filter(Boolean))];
}

export function joinList(items: readonly string[]): string {
  const text = items.join('；');
  return items.length === 1 && /[、,，|]/.test(items[0]) ? `${text}；` : text;
}
