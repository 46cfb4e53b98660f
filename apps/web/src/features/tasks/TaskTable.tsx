import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import { CardTable, ItemTitle } from '../../components/CardTable';
import { canAcknowledgeFromList, NOTEWORTHY_STATUSES } from '../../components/countdown';
import { LightBadge } from '../../components/LightBadge';
import { Meter } from '../../components/Meter';
import { ROLE_COLOR, TAG } from '../../lib/colors';
import { formatDate } from '../../lib/dates';
import { label, PART_STATUS, TASK_STATUS, UNIT_ROLE } from '../../lib/labels';
import type { WorkbenchItem } from './task-queries';

interface Props {
  caption: string;
  items: WorkbenchItem[];
  onAcknowledge(item: WorkbenchItem): void;
  acknowledging: string | null;
}

/** The unit's items: a table on wide screens, one card per item on phones (same markup). */
export function TaskTable({ caption, items, onAcknowledge, acknowledging }: Props) {
  return (
    <CardTable
      caption={caption}
      rows={items}
      rowKey={(t) => t.id}
      item={(t) => (
        <>
          <ItemTitle code={t.code} title={t.title} to={t.id} />
          <div className="task-sub">{t.planTitle}</div>
          {(NOTEWORTHY_STATUSES.includes(t.status) || t.extensionPending) && (
            <div className="task-tags">
              {NOTEWORTHY_STATUSES.includes(t.status) && <Tag>{label(TASK_STATUS, t.status)}</Tag>}
              {t.extensionPending && <Tag color={TAG.purple}>延期申请待审批</Tag>}
            </div>
          )}
        </>
      )}
      columns={[
        {
          title: '本单位',
          cell: (t) => (
            <>
              <span className="role-tag" style={{ background: ROLE_COLOR[t.role] }}>
                {label(UNIT_ROLE, t.role)}
              </span>
              <span className="task-part">{t.role === 'assisting' ? '协助办理' : label(PART_STATUS, t.partStatus)}</span>
            </>
          ),
        },
        { title: '完成时限', className: 'nowrap', cell: (t) => formatDate(t.dueAt) },
        { title: '时限状态', cell: (t) => <LightBadge {...t} /> },
        { title: '进度', cell: (t) => <Meter percent={t.partProgress} label="本单位进度" /> },
        {
          title: '操作',
          cell: (t) => {
            const canAcknowledge = canAcknowledgeFromList(t);
            return canAcknowledge ? (
              <Button type="primary" size="small" disabled={acknowledging === t.id} onClick={() => onAcknowledge(t)} aria-label={`签收：${t.title}`}>
                签收
              </Button>
            ) : (
              <Link to={`/items/${t.id}`} aria-label={`办理：${t.title}`} className="target">
                办理
              </Link>
            );
          },
        },
      ]}
    />
  );
}
