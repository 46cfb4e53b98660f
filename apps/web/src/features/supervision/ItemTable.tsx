import { Checkbox, Tag } from 'antd';
import { ReactNode } from 'react';
import { ItemTitle } from '../../components/CardTable';
import { LightBadge } from '../../components/LightBadge';
import { Meter } from '../../components/Meter';
import { formatDate, shanghai, todayShanghai } from '../../lib/dates';
import { label, TASK_STATUS } from '../../lib/labels';
import type { LedgerSort } from './ledger-query';
import type { TaskSummary } from './supervision-queries';
import '../tasks/task-table.css';

type SortKey = 'code' | 'dueAt' | 'updatedAt';

/** Calendar days past the deadline (Shanghai dates), for the light's words ("超期 3 天"). */
const daysOverdue = (t: TaskSummary) => (t.overdue ? todayShanghai().startOf('day').diff(shanghai(t.dueAt).startOf('day'), 'day') : undefined);

interface Props {
  caption: string;
  items: TaskSummary[];
  /** The action cell of a row (审核, 审批延期, 查看). */
  action?(item: TaskSummary): ReactNode;
  /** Rows picked for a bulk action; without it, no checkboxes. */
  selection?: { ids: Set<string>; onChange(ids: Set<string>): void };
  /** Column headers that sort (the API's sort keys); without it, none do. */
  sort?: { value: LedgerSort; onChange(s: LedgerSort): void };
}

function SortHeader({ k, title, sort }: { k: SortKey; title: string; sort?: Props['sort'] }) {
  if (!sort) return <th scope="col">{title}</th>;
  const [key, dir] = sort.value.split(':') as [SortKey, 'asc' | 'desc'];
  const active = key === k;
  const next = (active && dir === 'asc' ? `${k}:desc` : `${k}:asc`) as LedgerSort;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => sort.onChange(next)}>
        {title}
        <span aria-hidden>{active ? (dir === 'asc' ? ' ↑' : ' ↓') : ' ↕'}</span>
      </button>
    </th>
  );
}

/** Items across plans as the supervisor and the leader read them: plan, lead units, deadline moved or not. */
export function ItemTable({ caption, items, action, selection, sort }: Props) {
  const allPicked = selection && items.length > 0 && items.every((t) => selection.ids.has(t.id));
  const toggle = (ids: string[], on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.ids);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    selection.onChange(next);
  };
  return (
    <table className="task-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {selection && (
            <th scope="col">
              <Checkbox aria-label="选择本页全部事项" checked={!!allPicked} onChange={(e) => toggle(items.map((t) => t.id), e.target.checked)} />
            </th>
          )}
          <SortHeader k="code" title="责任事项" sort={sort} />
          <th scope="col">牵头单位</th>
          <SortHeader k="dueAt" title="完成时限" sort={sort} />
          <th scope="col">时限状态</th>
          <th scope="col">状态</th>
          <th scope="col">进度</th>
          {action && <th scope="col">操作</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((t) => (
          <tr key={t.id}>
            {selection && (
              <td data-label="选择">
                <Checkbox aria-label={`选择：${t.title}`} checked={selection.ids.has(t.id)} onChange={(e) => toggle([t.id], e.target.checked)} />
              </td>
            )}
            <td data-label="责任事项" className="task-title-cell">
              <ItemTitle code={t.code} title={t.title} to={t.id} />
              <div className="task-sub">{t.planTitle}</div>
            </td>
            <td data-label="牵头单位">{t.leadUnits.join('、') || '—'}</td>
            <td data-label="完成时限" className="nowrap">
              {formatDate(t.dueAt)}
              {t.originalDueAt !== t.dueAt && <div className="task-sub">原定 {formatDate(t.originalDueAt)}</div>}
            </td>
            <td data-label="时限状态">
              <LightBadge status={t.status} light={t.light} overdue={t.overdue} daysOverdue={daysOverdue(t)} />
            </td>
            <td data-label="状态">
              <Tag>{label(TASK_STATUS, t.status)}</Tag>
            </td>
            <td data-label="进度">
              <Meter percent={t.progress} label="进度" />
            </td>
            {action && <td data-label="操作">{action(t)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
