import type { Unit } from './admin-queries';

export interface UnitNode {
  key: string;
  title: string;
  children: UnitNode[];
}

/** The units as a tree by parentId (a unit whose parent is missing sits at the top), each level by name. */
export function unitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { key: u.id, title: u.pending ? `${u.name}（待确认）` : u.name, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(u.id)!);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
