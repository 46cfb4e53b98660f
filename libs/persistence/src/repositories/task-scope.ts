import type { OwnItems, TaskVisibility } from '@app/domain';
import { Sql, sql } from '../db/sql';

/**
 * Which items a list, a report or a feed covers, as SQL over `t` (tasks). The one place the
 * visibility rules of libs/domain (taskVisibility, ownItems) become SQL: GET /tasks, every report
 * and the calendar feed filter through here, so a report counts exactly what the list shows.
 */
export interface TaskScope {
  visibility: TaskVisibility;
  planId?: string;
  /** Items on which this unit has any role. */
  unitId?: string;
  /** Inclusive Asia/Shanghai dates on the deadline in force. */
  from?: string;
  to?: string;
}

/** The scope's clauses (to AND together); `dates: false` leaves the deadline window out. */
export function scopeClauses(s: TaskScope, opts: { dates?: boolean } = {}): Sql[] {
  const where: Sql[] = [];
  if (s.visibility.kind === 'none') where.push(sql`false`);
  if (s.visibility.kind === 'unit') where.push(sql`EXISTS (SELECT 1 FROM assignments va WHERE va.task_id = t.id AND va.unit_id = ${s.visibility.unitId})`);
  if (s.planId) where.push(sql`t.plan_id = ${s.planId}`);
  if (s.unitId) where.push(sql`EXISTS (SELECT 1 FROM assignments ua WHERE ua.task_id = t.id AND ua.unit_id = ${s.unitId})`);
  if (opts.dates !== false) {
    if (s.from) where.push(sql`t.due_at >= (${s.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (s.to) where.push(sql`t.due_at < ((${s.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  return where;
}

/** Per-unit reports show only the unit rows the caller may see and asked for (`column` holds a unit id). */
export function unitRowClause(s: TaskScope, column: Sql): Sql {
  const out: Sql[] = [];
  if (s.visibility.kind === 'unit') out.push(sql`${column} = ${s.visibility.unitId}`);
  if (s.unitId) out.push(sql`${column} = ${s.unitId}`);
  return out.length ? sql.join(out, ' AND ') : sql`true`;
}

/** The items a personal feed lists (OwnItems), or null when it lists none. */
export function ownItemsClause(own: OwnItems): Sql | null {
  const ors: Sql[] = [];
  if (own.unitId) ors.push(sql`EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id AND a.unit_id = ${own.unitId})`);
  if (own.supervisorId) ors.push(sql`EXISTS (SELECT 1 FROM plan_supervisors ps WHERE ps.plan_id = t.plan_id AND ps.user_id = ${own.supervisorId})`);
  return ors.length ? sql`(${sql.join(ors, ' OR ')})` : null;
}

/** Names of an item's units in one role, sorted, as a text[] column. */
export const unitNames = (role: 'lead' | 'responsible') =>
  sql`COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM assignments a JOIN units u ON u.id = a.unit_id
                 WHERE a.task_id = t.id AND a.role = ${sql.raw(`'${role}'`)}), '{}')`;

/**
 * The same scope over the report counts (migration 1734000000000): item counts for every item or one
 * plan's, or one unit's assignment counts (its items, since a unit holds one assignment per item);
 * null where only the items themselves can answer (a deadline window, a plan together with a unit,
 * two different units, no visibility). `c` is the counts table's alias.
 */
export type CountsScope = { table: 'report_item_counts' | 'report_unit_counts'; where: Sql[] };
export function countsScope(s: TaskScope): CountsScope | null {
  if (s.visibility.kind === 'none' || s.from || s.to) return null;
  const seen = s.visibility.kind === 'unit' ? s.visibility.unitId : undefined;
  if (seen && s.unitId && seen !== s.unitId) return null;
  const unit = seen ?? s.unitId;
  if (unit) return s.planId ? null : { table: 'report_unit_counts', where: [sql`c.unit_id = ${unit}`] };
  return { table: 'report_item_counts', where: s.planId ? [sql`c.plan_id = ${s.planId}`] : [] };
}

/**
 * Whether per-unit reports can read the assignment counts: yes unless the scope filters items (a
 * plan, a deadline window), which the counts do not hold; unit rows still go through unitRowClause.
 */
export function unitCountsFit(s: TaskScope): boolean {
  return s.visibility.kind !== 'none' && !s.planId && !s.from && !s.to;
}
