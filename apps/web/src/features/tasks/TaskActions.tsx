import { Button, Space } from 'antd';
import { useFeedback } from '../../app/feedback';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import type { ItemDialogProps } from './ActionModal';
import { AssignModal } from './AssignModal';
import { ExtensionModal } from './ExtensionModal';
import { ProgressModal } from './ProgressModal';
import { SubmitModal } from './SubmitModal';
import { Extension, TaskDetail, useAcknowledge } from './task-queries';

const CLOSED = ['completed', 'cancelled', 'suspended'];

type Dialog = 'progress' | 'submit' | 'extension' | 'assign';

/** What this user may do with the item now, as the API would allow it: nothing else is offered. */
export function availableActions(task: TaskDetail, unitId: string | null, extensions: Extension[]) {
  const mine = task.assignments.find((a) => a.unitId === unitId && a.role !== 'assisting');
  const acts = task.permissions.canAct && !!mine && !CLOSED.includes(task.status);
  const acknowledged = !!mine && mine.status !== 'assigned';
  return {
    acknowledge: acts && !acknowledged,
    progress: acts && acknowledged && ['acknowledged', 'in_progress', 'returned'].includes(task.status),
    submit: acts && acknowledged && task.permissions.unitRole === 'lead' && ['in_progress', 'returned'].includes(task.status),
    extension: acts && task.status !== 'submitted' && !extensions.some((e) => e.status === 'pending'),
    assign: task.permissions.canAssign && !!mine && !['completed', 'cancelled'].includes(task.status),
    mine,
  };
}

export function TaskActions({ task, extensions }: { task: TaskDetail; extensions: Extension[] }) {
  const { user } = useSession();
  const can = availableActions(task, user?.unitId ?? null, extensions);
  const [open, setOpen] = useState<Dialog | null>(null);
  const ack = useAcknowledge();
  const { message } = useFeedback();
  const dialog = (d: Dialog): ItemDialogProps => ({ task, open: open === d, onClose: () => setOpen(null) });
  const acknowledge = () =>
    ack.mutate(
      { id: task.id, version: task.version },
      {
        onSuccess: () => void message.success('已签收'),
        onError: (e) => void (e instanceof ApiError && e.stale ? message.warning(e.message) : message.error(messageOf(e))),
      },
    );
  const none = !can.acknowledge && !can.progress && !can.submit && !can.extension && !can.assign;
  return (
    <>
      <Space wrap aria-label="可办理的操作">
        {can.acknowledge && (
          <Button type="primary" onClick={acknowledge} disabled={ack.isPending}>
            {ack.isPending ? '签收中…' : '签收'}
          </Button>
        )}
        {can.progress && (
          <Button type={can.acknowledge ? 'default' : 'primary'} onClick={() => setOpen('progress')}>
            报送进展
          </Button>
        )}
        {can.submit && <Button onClick={() => setOpen('submit')}>{task.status === 'returned' ? '重新申请办结' : '申请办结'}</Button>}
        {can.extension && <Button onClick={() => setOpen('extension')}>申请延期</Button>}
        {can.assign && <Button onClick={() => setOpen('assign')}>分办</Button>}
        {none && <span style={{ color: '#595959' }}>{task.permissions.canAct ? '当前状态下无需办理' : '您可查看此事项'}</span>}
      </Space>
      {can.progress && <ProgressModal {...dialog('progress')} startPercent={can.mine?.progress ?? 0} />}
      {can.submit && <SubmitModal {...dialog('submit')} />}
      {can.extension && <ExtensionModal {...dialog('extension')} />}
      {can.assign && can.mine && <AssignModal {...dialog('assign')} part={can.mine} />}
    </>
  );
}
