import { Empty } from 'antd';
import { ReactNode } from 'react';
import type { WorkbenchItem } from './task-queries';

/** Who an item is with: the 承办人 the unit named (分办), else whoever last reported progress for the unit. */
export type PersonOf = (item: WorkbenchItem) => { id: string; name: string } | null;
export const handlerOf: PersonOf = (item) => item.assignee ?? item.reporter ?? null;

const NOBODY = '尚无人报送进展';

/** A unit head's view of the unit's items, one group per person. */
export function ByPerson({ items, personOf, render }: { items: WorkbenchItem[]; personOf: PersonOf; render(items: WorkbenchItem[], caption: string): ReactNode }) {
  if (!items.length) return <Empty description="没有事项" />;
  const groups = new Map<string, { name: string; items: WorkbenchItem[] }>();
  for (const item of items) {
    const p = personOf(item);
    const key = p?.id ?? '';
    if (!groups.has(key)) groups.set(key, { name: p?.name ?? NOBODY, items: [] });
    groups.get(key)!.items.push(item);
  }
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => (a === '' ? 1 : b === '' ? -1 : x.name.localeCompare(y.name, 'zh-CN')));
  return (
    <>
      {ordered.map(([key, g]) => (
        <section key={key || 'nobody'} aria-label={`${g.name}的事项`} style={{ marginBottom: 16 }}>
          <h3 className="group-title">
            {g.name}（{g.items.length} 项）
          </h3>
          {render(g.items, `${g.name}的事项`)}
        </section>
      ))}
    </>
  );
}
