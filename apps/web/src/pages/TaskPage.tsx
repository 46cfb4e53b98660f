import { Alert, Breadcrumb, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { BackToWorkbench } from '../components/BackToWorkbench';
import { useSession } from '../auth/use-session';
import { CommentsSection } from '../features/tasks/CommentsSection';
import { progressReports } from '../features/tasks/history';
import { ItemHeading, ItemLoadFailed } from '../features/tasks/ItemHeader';
import { TaskActions } from '../features/tasks/TaskActions';
import {
  BasicInfo,
  ContentSection,
  ExtensionsSection,
  HistorySection,
  IndicatorsSection,
  ProgressSection,
  StepsSection,
  UnitsSection,
} from '../features/tasks/TaskSections';
import { useTask, useTaskComments, useTaskDeadline, useTaskExtensions, useTaskHistory } from '../features/tasks/task-queries';
import { ROLE_COLOR } from '../lib/colors';
import { label, UNIT_ROLE } from '../lib/labels';
import '../features/tasks/task-table.css';
import '../features/tasks/task-page.css';

/** 事项详情 (高级详情页): the item, every unit's part, steps, indicators, reports, comments, history, actions. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const task = useTask(id);
  const deadline = useTaskDeadline(id);
  const history = useTaskHistory(id);
  const comments = useTaskComments(id);
  const extensions = useTaskExtensions(id);

  if (task.isError) return <ItemLoadFailed error={task.error} retry={() => void task.refetch()} back={<BackToWorkbench />} />;
  if (!task.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const t = task.data;
  const reports = progressReports(history.data?.items ?? []);
  const unitName = (unitId: string | null) => t.assignments.find((a) => a.unitId === unitId)?.unitName ?? '';
  const role = t.permissions.unitRole;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/workbench">工作台</Link> }, { title: '事项详情' }]} style={{ marginBottom: 8 }} />
      <div className="task-header">
        <ItemHeading task={t} deadline={deadline.data} tags={role && <Tag color={ROLE_COLOR[role]}>本单位：{label(UNIT_ROLE, role)}</Tag>} />
        {t.status === 'returned' && t.statusReason && (
          <Alert type="warning" showIcon title={`已被退回：${t.statusReason}`} description="请根据退回原因补充材料后重新申请办结。" style={{ margin: '12px 0' }} />
        )}
        <div className="task-actions">{user && <TaskActions task={t} extensions={extensions.data ?? []} />}</div>
      </div>
      <BasicInfo task={t} deadline={deadline.data} />
      <ContentSection task={t} />
      <UnitsSection task={t} />
      <StepsSection task={t} />
      <IndicatorsSection task={t} reports={reports} />
      <ExtensionsSection extensions={extensions.data ?? []} />
      <ProgressSection reports={reports} unitName={unitName} />
      <CommentsSection taskId={t.id} comments={comments.data?.items ?? []} canComment={t.permissions.canComment} />
      <HistorySection events={history.data?.items ?? []} />
    </>
  );
}
