import { Key, ReactNode } from 'react';
import { Link } from 'react-router';
import '../features/tasks/task-table.css';

export interface Column<R> {
  /** The header, and the cell's label when the table folds into one card per row on a phone. */
  title: string;
  cell(row: R, index: number): ReactNode;
  className?: string;
}

export interface TableProps<R> {
  columns: Column<R>[];
  rows: readonly R[];
  rowKey(row: R, index: number): Key;
  /** For screen readers only; the section heading is what the eye reads. */
  caption?: string;
  /** More classes beside task-table (compact, rank-table …). */
  className?: string;
  /** A list of items: its first column, 责任事项 (an ItemTitle and what the list shows under it). */
  item?(row: R): ReactNode;
}

/**
 * The app's tables: a table on wide screens, one card per row on phones (task-table.css), each cell
 * labelled with its column's title. New lists use this rather than writing the table out.
 */
export function CardTable<R>({ columns: rest, rows, rowKey, caption, className, item }: TableProps<R>) {
  const columns = item ? [{ title: '责任事项', className: 'task-title-cell', cell: item }, ...rest] : rest;
  return (
    <table className={className ? `task-table ${className}` : 'task-table'}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} scope="col">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={rowKey(r, i)}>
            {columns.map((c) => (
              <td key={c.title} data-label={c.title} className={c.className}>
                {c.cell(r, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An item's 编号 and title, as every list and heading shows it; with `to` (its id), a link to the item's page. */
export function ItemTitle({ code, title, to }: { code: string; title: string; to?: string }) {
  const text = (
    <>
      <span className="task-code">{code}</span> {title}
    </>
  );
  return to ? (
    <Link to={`/items/${to}`} className="task-link">
      {text}
    </Link>
  ) : (
    text
  );
}

