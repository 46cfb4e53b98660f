import { CalendarDay, CalendarDayKind } from './calendar-queries';
import { isWeekend, KIND_MARK, KIND_WORDS, monthWeeks } from './year-grid';
import './calendar.css';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The year at a glance: twelve months, each special day marked in words (休 / 班 / 地) as well as colour.
 * A day is a button: choosing it puts it into the day editor.
 */
export function YearGrid({ year, days, onPick }: { year: number; days: CalendarDay[]; onPick(date: string, day: CalendarDay | null): void }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div className="year-grid">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <table key={month} className="month-grid">
          <caption>{month}月</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((w) => (
                <th key={w} scope="col" abbr={`星期${w}`}>
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, month).map((week, i) => (
              <tr key={i}>
                {week.map((date, j) => (
                  <td key={j}>{date && <DayCell date={date} day={byDate.get(date) ?? null} onPick={onPick} />}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function DayCell({ date, day, onPick }: { date: string; day: CalendarDay | null; onPick(date: string, day: CalendarDay | null): void }) {
  const n = Number(date.slice(8));
  const kind: CalendarDayKind | null = day?.kind ?? null;
  const what = kind ? `${KIND_WORDS[kind]}${day?.name ? `：${day.name}` : ''}` : isWeekend(date) ? '周末' : '工作日';
  return (
    <button
      type="button"
      className={`day-cell ${kind ? `day-${kind}` : isWeekend(date) ? 'day-weekend' : ''}`}
      aria-label={`${Number(date.slice(5, 7))}月${n}日 ${what}`}
      title={what}
      onClick={() => onPick(date, day)}
    >
      {n}
      {kind && <span className="day-mark">{KIND_MARK[kind]}</span>}
    </button>
  );
}
