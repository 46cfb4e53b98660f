import { Sql, sql } from '../../db/sql';
import { BEHIND_COUNTS_SLACK, behindBucket } from '../../migrations/1736410000000-report-behind-counts';

const CROSSING_BUCKET = sql.raw('report_behind_day(t.created_at, t.due_at, t.progress)');

/**
 * How many working items due from some month on are behind schedule at `now`, for the slack
 * report_behind_counts holds (BEHIND_COUNTS_SLACK): the keys whose crossing week is before the
 * clock's are summed; the clock's own week and infinite instants are read by row. The summary (past
 * its horizon and from the yellow date), and GET /tasks's counted total all ask this.
 * - `summedKeys`: the counts' clauses over `c` (scope, first deadline month); `countsJoin` what they need joined.
 * - `countRows(extra)`: the caller's count of its rows (working, in scope, due from that month on,
 *   behind by the exact rule) with `extra` ANDed in.
 */
export function behindFromCounts(now: Date, summedKeys: Sql[], countRows: (extra: Sql[]) => Sql, countsJoin: Sql = sql.empty): Sql {
  // A scalar subquery: computed once, not per key (EXTRACT on timestamptz is not folded at planning).
  const clock = sql`(SELECT ${sql.raw(behindBucket('100 * EXTRACT(EPOCH FROM n.now)'))} FROM (SELECT ${sql.param(now)}::timestamptz AS now) n)`;
  // The literal progress bound matches tasks_behind_day_idx's predicate; two counts rather than an
  // OR, so that each is one range of that index.
  const read = (which: Sql) => countRows([sql.raw(`t.progress < ${100 - BEHIND_COUNTS_SLACK}`), which]);
  const summed = sql`SELECT COALESCE(sum(c.n), 0) FROM report_behind_counts c ${countsJoin} ${sql.where([...summedKeys, sql`c.day < ${clock}`])}`;
  return sql`(${summed}) + (${read(sql`${CROSSING_BUCKET} = ${clock}`)}) + (${read(sql`${CROSSING_BUCKET} IS NULL`)})`;
}
