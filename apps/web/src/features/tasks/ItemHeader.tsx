import { Result, Tag, Typography } from 'antd';
import { ReactNode } from 'react';
import { ApiError } from '../../api/errors';
import { ItemTitle } from '../../components/CardTable';
import { LightBadge } from '../../components/LightBadge';
import { label, TASK_STATUS } from '../../lib/labels';
import type { Deadline, TaskDetail } from './task-queries';
import { LoadFailed } from '../../components/LoadFailed';

/** An item page whose item did not load: 404 (gone, not visible, malformed id) with the way back, or the error and 重试. */
export function ItemLoadFailed({ error, retry, back }: { error: unknown; retry(): void; back: ReactNode }) {
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return missing ? (
    <Result status="404" title="事项不存在，或您无权查看" extra={back} />
  ) : (
    <LoadFailed error={error} retry={retry} size="middle" />
  );
}

/** The item's code and title as the page's heading, then its status, the page's own tags, its light and links. */
export function ItemHeading({ task, deadline, tags, children }: { task: TaskDetail; deadline?: Deadline; tags?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <Typography.Title level={1} className="task-heading">
        <ItemTitle code={task.code} title={task.title} />
      </Typography.Title>
      <div className="task-header-tags">
        <Tag>{label(TASK_STATUS, task.status)}</Tag>
        {tags}
        <LightBadge status={task.status} light={task.light} overdue={task.overdue} daysOverdue={deadline?.daysOverdue} workdaysLeft={deadline?.workdaysLeft} />
        {children}
      </div>
    </>
  );
}
