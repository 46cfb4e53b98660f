import { readFileSync } from 'node:fs';
import { ImportError } from './errors';

export interface UnitContact {
  name?: string;
  phone?: string;
  email?: string;
}

export interface DirectoryUnit {
  /** Short ASCII id, stable across imports (demo users and URLs use it). */
  code: string;
  name: string;
  aliases: string[];
  parent: string | null;
  kind: string;
  contacts?: UnitContact[];
}

export interface DirectoryGroup {
  name: string;
  aliases?: string[];
  members: string[];
  note?: string;
}

export interface UnitDirectoryData {
  units: DirectoryUnit[];
  groups: DirectoryGroup[];
}

export type UnitResolution = { canonical: string } | { group: string; members: string[] } | { unknown: string };

/** Spaces, brackets and full-width forms differ between copies of one name. */
function key(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[〈<（(].*?[〉>）)》]$/g, '')
    .replace(/^中共/, '');
}

// Full and short forms of the same office, as plans write them: 市发展和改革委员会 = 市发展改革委 = 市发改委.
// Only the office part is shortened; the level or place before it (市, 区, 武汉市) stays, so 区发改局
// and 市发改委 never meet.
const SHORT_FORMS: [RegExp, string][] = [
  [/发展和?改革(委员会|委)$/, '发改委'],
  [/发展和?改革局$/, '发改局'],
  [/人力资源和?社会保障(局|厅)$/, '人社$1'],
  [/住房和?城乡建设(局|厅|委员会|委)$/, '住建$1'],
  [/科学技术(局|厅|委员会|委)$/, '科技$1'],
  [/经济和?信息化(局|厅|委员会|委)$/, '经信$1'],
  [/市场监督管理(局|厅)$/, '市场监管$1'],
  [/文化和?旅游(局|厅)$/, '文旅$1'],
  [/卫生健康(委员会|委)$/, '卫健委'],
  [/交通运输(局|厅|委员会|委)$/, '交通$1'],
  [/自然资源和?规划(局|厅)$/, '资源规划$1'],
  [/应急管理(局|厅)$/, '应急$1'],
  [/城市管理(局|委员会|委)$/, '城管$1'],
  [/人民政府$/, '政府'],
  [/委员会$/, '委'],
];

/** The short form of a unit name: the key full and short spellings share. */
export function shortUnitKey(name: string): string {
  let k = key(name);
  for (const [re, short] of SHORT_FORMS) {
    if (re.test(k)) {
      k = k.replace(re, short);
      break;
    }
  }
  return k;
}

/** Maps names as documents write them to canonical units, or to groups such as 各区人民政府. */
export class UnitDirectory {
  private readonly units = new Map<string, string>();
  private readonly groups = new Map<string, { group: string; members: string[] }>();
  /** Short form → canonical, or null when two units share a short form (then it decides nothing). */
  private readonly short = new Map<string, string | null>();

  constructor(private readonly data: UnitDirectoryData) {
    for (const u of data.units) {
      for (const n of [u.name, ...u.aliases]) this.units.set(key(n), u.name);
      for (const n of [u.name, ...u.aliases]) {
        const k = shortUnitKey(n);
        const seen = this.short.get(k);
        this.short.set(k, seen === undefined || seen === u.name ? u.name : null);
      }
    }
    for (const g of data.groups) {
      const value = { group: g.name, members: g.members.map((m) => this.units.get(key(m)) ?? m) };
      for (const n of [g.name, ...(g.aliases ?? [])]) this.groups.set(key(n), value);
    }
  }

  resolve(name: string): UnitResolution {
    const k = key(name);
    const unit = this.units.get(k) ?? (k.startsWith('中共') ? undefined : this.units.get(key(`中共${k}`)));
    if (unit) return { canonical: unit };
    const group = this.groups.get(k);
    if (group) return { group: group.group, members: [...group.members] };
    // "市发展改革委" for a directory that knows 市发改委 / 武汉市发展和改革委员会.
    const byShort = this.short.get(shortUnitKey(name));
    if (byShort) return { canonical: byShort };
    return { unknown: name };
  }

  get all(): readonly DirectoryUnit[] {
    return this.data.units;
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Reads and checks seeds/units.json; a malformed directory is an error, not an empty one. */
export function loadUnitDirectory(path: string): UnitDirectoryData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ImportError('unreadable', `无法读取单位目录 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  const data = raw as Partial<UnitDirectoryData>;
  if (!data || !Array.isArray(data.units) || !Array.isArray(data.groups)) {
    throw new ImportError('unreadable', `单位目录 ${path} 缺少 units 或 groups`);
  }
  const codes = new Set<string>();
  data.units.forEach((u, i) => {
    if (typeof u?.name !== 'string' || typeof u.code !== 'string' || !isStringArray(u.aliases) || typeof u.kind !== 'string') {
      throw new ImportError('unreadable', `单位目录第 ${i + 1} 个单位缺少 name/code/aliases/kind`);
    }
    if (!/^[a-z0-9-]+$/.test(u.code) || codes.has(u.code)) {
      throw new ImportError('unreadable', `单位目录中单位代码「${u.code}」无效或重复`);
    }
    codes.add(u.code);
  });
  data.groups.forEach((g, i) => {
    if (typeof g?.name !== 'string' || !isStringArray(g.members)) {
      throw new ImportError('unreadable', `单位目录第 ${i + 1} 个分组缺少 name/members`);
    }
  });
  return data as UnitDirectoryData;
}
