import { DataSource } from 'typeorm';
import { ReportClock, ReportScope } from '../../libs/persistence/src/repositories/reports/report-sql';

/** What the report benches pass each report on the seeded schema: the clock now, every item, the first plan. */
export async function reportInputs(ds: DataSource) {
  const now = new Date();
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const c: ReportClock = { now, today, yellowBefore: new Date(now.getTime() + 8 * 3600_000 + 4 * 86_400_000).toISOString().slice(0, 10), progressSlack: 10 };
  const s: ReportScope = { visibility: { kind: 'all' } };
  const [plan] = (await ds.query(`SELECT id FROM plans ORDER BY title LIMIT 1`)) as { id: string }[];
  /** The acknowledgement deadline of each date in a range (appraisal): two days later, 18:00 Shanghai. */
  const ack = (from: string, to: string) => {
    const out: { date: string; dueAt: Date }[] = [];
    for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
      out.push({ date: new Date(d).toISOString().slice(0, 10), dueAt: new Date(d + 2 * 86_400_000 + 10 * 3600_000) });
    }
    return out;
  };
  const yearAgo = `${new Date(Date.parse(`${today}T00:00:00Z`) - 334 * 86_400_000).toISOString().slice(0, 7)}-01`;
  return { now, today, c, s, plan, ack, yearAgo, page: { offset: 0, limit: 20 } };
}
