import { shanghaiDate } from '@app/domain';

/** How a cell is written: the JSON value stays the value; only its presentation differs. */
export type ColumnKind = 'text' | 'int' | 'number' | 'rate' | 'datetime' | 'date' | 'list' | 'boolean';

export interface ReportColumn<Row> {
  key: Extract<keyof Row, string>;
  /** Chinese header, as offices print it. */
  header: string;
  /** Excel column width in characters. */
  width: number;
  kind: ColumnKind;
}

/** One exportable table: a report's rows and how to lay them out. */
export interface ReportTable<Row> {
  /** Sheet name and file name stem. */
  title: string;
  columns: ReportColumn<Row>[];
  rows: Row[];
}

export const col = <Row>(key: Extract<keyof Row, string>, header: string, kind: ColumnKind, width = 12): ReportColumn<Row> => ({
  key,
  header,
  kind,
  width,
});

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai: what a reader of a 督办 table expects, not UTC. */
export function shanghaiDateTime(iso: string): string {
  const d = new Date(iso);
  const date = shanghaiDate(d);
  const minutes = Math.floor((d.getTime() + 8 * 3_600_000) / 60_000) % 1440;
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The cell value of a JSON field in a text export (CSV): numbers stay numbers as in the JSON. */
export function cellText(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'datetime':
      return shanghaiDateTime(String(value));
    case 'list':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'boolean':
      return value ? '是' : '否';
    default:
      return String(value);
  }
}
