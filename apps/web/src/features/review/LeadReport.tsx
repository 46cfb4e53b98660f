import { Descriptions, Empty } from 'antd';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/dates';
import type { ReportedProgress } from '../tasks/history';
import type { HistoryEvent, TaskDetail } from '../tasks/task-queries';

/** The note the lead unit sent with its latest 申请办结, from the item's audit trail. */
export function submissionNote(events: HistoryEvent[]): { at: string; by: string; note: string } | null {
  const e = [...events].reverse().find((x) => x.action === 'task.submitted');
  if (!e) return null;
  const note = e.after && typeof e.after.note === 'string' ? e.after.note : '';
  return { at: e.at, by: e.actorName ?? '—', note };
}

/** 牵头单位汇总报告: what the lead unit submitted, and its latest progress report. */
export function LeadReport({ task, events, reports }: { task: TaskDetail; events: HistoryEvent[]; reports: ReportedProgress[] }) {
  const submitted = submissionNote(events);
  const leadIds = new Set(task.assignments.filter((a) => a.role === 'lead').map((a) => a.unitId));
  const latest = reports.find((r) => r.unitId !== null && leadIds.has(r.unitId));
  return (
    <Section title="牵头单位汇总报告">
      {!submitted && !latest ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="牵头单位尚未报送" />
      ) : (
        <Descriptions column={1} size="small">
          {submitted && <Descriptions.Item label="申请办结">{`${formatDateTime(submitted.at)}，${submitted.by}`}</Descriptions.Item>}
          {submitted && <Descriptions.Item label="办结说明">{submitted.note || '（未填写）'}</Descriptions.Item>}
          {latest && <Descriptions.Item label="最近进展">{`${latest.percent}%，${formatDateTime(latest.at)}，${latest.by}`}</Descriptions.Item>}
          {latest?.note && <Descriptions.Item label="进展内容">{latest.note}</Descriptions.Item>}
        </Descriptions>
      )}
    </Section>
  );
}
