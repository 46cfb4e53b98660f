import { Link } from 'react-router';
import { ledgerSearch, LedgerQuery } from '../supervision/ledger-query';
import type { ReportFilter, Summary } from './report-queries';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The headline figures; each is a link to the items behind it in the 总台账 (same filters). */
export function CockpitFigures({ s, filter }: { s: Summary; filter: ReportFilter }) {
  const link = (q: Partial<LedgerQuery>) => `/ledger${ledgerSearch({ ...filter, ...q })}`;
  const cards: { label: string; value: string; to: string; tone?: string }[] = [
    { label: '事项总数', value: String(s.total), to: link({}) },
    { label: '已办结', value: String(s.completed), to: link({ status: 'completed' }) },
    { label: '超期', value: String(s.overdue), to: link({ overdue: true }), tone: 'red' },
    { label: '黄灯（临期/滞后）', value: String(s.byLight.yellow), to: link({ light: 'yellow' }), tone: 'yellow' },
    { label: '绿灯（正常）', value: String(s.byLight.green), to: link({ light: 'green' }), tone: 'green' },
    { label: '办结率', value: pct(s.completionRate), to: link({ status: 'completed' }) },
    { label: '按时办结率', value: pct(s.onTimeCompletionRate), to: link({ status: 'completed' }) },
  ];
  return (
    <ul className="figures" aria-label="汇总数字">
      {cards.map((c) => (
        <li key={c.label}>
          <Link to={c.to} className={`figure ${c.tone ? `figure-${c.tone}` : ''}`} aria-label={`${c.label} ${c.value}，查看事项`}>
            <span className="figure-label">{c.label}</span>
            <span className="figure-value" data-figure={c.label}>
              {c.value}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
