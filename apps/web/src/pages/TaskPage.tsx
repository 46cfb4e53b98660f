import { Alert, Breadcrumb, Button, Result, Skeleton, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, messageOf } from '../api/errors';
import { LightBadge } from '../components/LightBadge';
import { useSession } from '../auth/use-session';
import { CommentsSection } from '../features/tasks/CommentsSection';
import { progressReports } from '../features/tasks/history';
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
import { label, TASK_STATUS, UNIT_ROLE } from '../lib/labels';
import '../features/tasks/task-table.css';
import '../features/tasks/task-page.css';

/** 事项详情 (高级详情页): the item, every unit's part, steps, indicators, reports, comments, history, actions. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const task = useTask(id);
  const deadline = useTaskDeadline(id);
  const history = useTaskHistory(id);
  const comments = useTaskComments(id);
  const extensions = useTaskExtensions(id);

  if (task.isError) {
    const missing = task.error instanceof ApiError && (task.error.status === 404 || task.error.status === 400);
    return missing ? (
      <Result
        status="404"
        title="事项不存在，或您无权查看"
        extra={
          <Button type="primary" onClick={() => navigate('/workbench')}>
            回到工作台
          </Button>
        }
      />
    ) : (
      <Alert type="error" showIcon title={messageOf(task.error)} action={<Button onClick={() => task.refetch()}>重试</Button>} />
    );
  }
  if (!task.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const t = task.data;
  const reports = progressReports(history.data?.items ?? []);
  const unitName = (unitId: string | null) => t.assignments.find((a) => a.unitId === unitId)?.unitName ?? '';
  const role = t.permissions.unitRole;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/workbench">工作台</Link> }, { title: '事项详情' }]} style={{ marginBottom: 8 }} />
      <div className="task-header">
        <Typography.Title level={1} className="task-heading">
          <span className="task-code">{t.code}</span> {t.title}
        </Typography.Title>
        <div className="task-header-tags">
          <Tag>{label(TASK_STATUS, t.status)}</Tag>
          {role && <Tag color={ROLE_COLOR[role]}>本单位：{label(UNIT_ROLE, role)}</Tag>}
          <LightBadge status={t.status} light={t.light} overdue={t.overdue} daysOverdue={deadline.data?.daysOverdue} workdaysLeft={deadline.data?.workdaysLeft} />
        </div>
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
