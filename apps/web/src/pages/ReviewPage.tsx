import { Alert, Breadcrumb, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { EvidenceFiles } from '../features/review/EvidenceFiles';
import { ExtensionDecision } from '../features/review/ExtensionDecision';
import { LeadReport } from '../features/review/LeadReport';
import { ReviewDecision } from '../features/review/ReviewDecision';
import { progressReports } from '../features/tasks/history';
import { ItemHeading, ItemLoadFailed } from '../features/tasks/ItemHeader';
import { BasicInfo, ExtensionsSection, ProgressSection, UnitsSection } from '../features/tasks/TaskSections';
import { useTask, useTaskDeadline, useTaskExtensions, useTaskHistory } from '../features/tasks/task-queries';
import { label, TASK_STATUS } from '../lib/labels';
import '../features/tasks/task-table.css';
import '../features/tasks/task-page.css';
import './review.css';

/** 审核 and 延期审批: the lead unit's report beside each unit's part and the evidence; the decisions at the side. */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  const deadline = useTaskDeadline(id);
  const history = useTaskHistory(id);
  const extensions = useTaskExtensions(id);

  if (task.isError) return <ItemLoadFailed error={task.error} retry={() => void task.refetch()} back={<Link to="/supervision">回到督办工作台</Link>} />;
  if (!task.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const t = task.data;
  const events = history.data?.items ?? [];
  const reports = progressReports(events);
  const unitName = (unitId: string | null) => t.assignments.find((a) => a.unitId === unitId)?.unitName ?? '';
  const pending = (extensions.data ?? []).filter((e) => e.status === 'pending');
  const nothingToDecide = t.status !== 'submitted' && pending.length === 0;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/supervision">督办工作台</Link> }, { title: '审核' }]} style={{ marginBottom: 8 }} />
      <div className="task-header">
        <ItemHeading task={t} deadline={deadline.data}>
          <Link to={`/items/${t.id}`}>查看事项详情</Link>
        </ItemHeading>
      </div>
      <div className="review-layout">
        <div className="review-main">
          <BasicInfo task={t} deadline={deadline.data} />
          <LeadReport task={t} events={events} reports={reports} />
          <UnitsSection task={t} />
          <EvidenceFiles taskId={t.id} />
          <ProgressSection reports={reports} unitName={unitName} />
        </div>
        <aside className="review-side" aria-label="审核决定">
          {t.status === 'submitted' && <ReviewDecision task={t} />}
          {pending.map((e) => (
            <ExtensionDecision key={e.id} task={t} extension={e} />
          ))}
          {nothingToDecide && (
            <Alert type="info" showIcon title={`此事项当前为“${label(TASK_STATUS, t.status)}”，没有待您决定的申请`} style={{ marginBottom: 16 }} />
          )}
          <ExtensionsSection extensions={extensions.data ?? []} />
        </aside>
      </div>
    </>
  );
}
