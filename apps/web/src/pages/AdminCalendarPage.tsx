import { Alert, Button, Skeleton, Space, Switch } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { messageOf } from '../api/errors';
import { Section } from '../components/Section';
import { CalendarDay, useCalendarYear, useSetYearComplete } from '../features/calendar/calendar-queries';
import { DayEditor } from '../features/calendar/DayEditor';
import { NoticeImport } from '../features/calendar/NoticeImport';
import { YearGrid } from '../features/calendar/YearGrid';
import { KIND_MARK, KIND_WORDS } from '../features/calendar/year-grid';
import './review.css';

const thisYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** 工作日历 (管理员): a year of holidays and 调休 days, one day at a time or from the State Council notice. */
export default function AdminCalendarPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const go = (y: number) => setParams(new URLSearchParams({ year: String(y) }));
  const cal = useCalendarYear(year);
  const complete = useSetYearComplete();
  const [picked, setPicked] = useState<{ date: string; day: CalendarDay | null } | null>(null);

  return (
    <>
      <h1 className="page-title">工作日历</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => go(year - 1)}>上一年</Button>
        <strong aria-live="polite" style={{ fontSize: '1.2em' }}>
          {year} 年
        </strong>
        <Button onClick={() => go(year + 1)}>下一年</Button>
        {cal.data && (
          <label>
            <Switch
              checked={cal.data.complete}
              disabled={complete.isPending}
              onChange={(v) => complete.mutate({ year, complete: v })}
              style={{ marginRight: 8 }}
            />
            {cal.data.complete ? '本年安排已完整' : '本年安排未完整（未列出的节假日按星期计算）'}
          </label>
        )}
      </Space>
      {(cal.isError || complete.isError) && <Alert type="error" showIcon role="alert" title={messageOf(cal.error ?? complete.error)} style={{ marginBottom: 12 }} />}
      <div className="review-layout">
        <Section title={`${year} 年日历`}>
          <div className="calendar-legend" aria-hidden>
            {(Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).map((k) => (
              <span key={k} className={`day-cell day-${k}`}>
                {KIND_MARK[k]} {KIND_WORDS[k]}
              </span>
            ))}
          </div>
          {cal.data ? <YearGrid year={year} days={cal.data.days} onPick={(date, day) => setPicked({ date, day })} /> : <Skeleton active />}
        </Section>
        <div>
          <DayEditor days={cal.data?.days ?? []} picked={picked} />
        </div>
      </div>
      <NoticeImport onImported={go} />
    </>
  );
}
