import { Key, ReactNode } from 'react';
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
}

/**
 * The app's tables: a table on wide screens, one card per row on phones (task-table.css), each cell
 * labelled with its column's title. New lists use this rather than writing the table out.
 */
export function CardTable<R>({ columns, rows, rowKey, caption, className }: TableProps<R>) {
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
