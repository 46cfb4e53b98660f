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

/** Maps names as documents write them to canonical units, or to groups such as 各区人民政府. */
export class UnitDirectory {
  private readonly units = new Map<string, string>();
  private readonly groups = new Map<string, { group: string; members: string[] }>();

  constructor(private readonly data: UnitDirectoryData) {
    for (const u of data.units) {
      for (const n of [u.name, ...u.aliases]) this.units.set(key(n), u.name);
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
