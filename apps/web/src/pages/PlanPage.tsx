import { Alert, Button, Descriptions, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../api/errors';
import { Pager } from '../components/Pager';
import { Section } from '../components/Section';
import { PolicyEditor } from '../features/plans/PolicyEditor';
import { ProgressCycleEditor } from '../features/plans/ProgressCycleEditor';
import { ReminderSchedule } from '../features/plans/ReminderSchedule';
import { usePlan, usePolicy } from '../features/plans/plan-queries';
import { ItemTable } from '../features/supervision/ItemTable';
import { LedgerQuery } from '../features/supervision/ledger-query';
import { TaskSummary, useLedger } from '../features/supervision/supervision-queries';
import { formatDate } from '../lib/dates';
import './cockpit.css';
import { LoadFailed } from '../components/LoadFailed';

const PAGE_SIZE = 20;

/** 方案: the plan, its supervisors and items, the reminder policy and cycle, each item's reminder schedule. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const policy = usePolicy(id);
  const [page, setPage] = useState(1);
  const items = useLedger({ planId: id, sort: 'code:asc', page, limit: PAGE_SIZE } as LedgerQuery);
  const [picked, setPicked] = useState<TaskSummary | null>(null);

  if (plan.isError) {
    const missing = plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 400);
    return missing ? <Result status="404" title="方案不存在，或您无权查看" /> : <LoadFailed error={plan.error} retry={plan.refetch} size="middle" />;
  }
  if (!plan.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = plan.data;
  return (
    <>
      <h1 className="page-title">{p.title}</h1>
      <Section title="方案信息" extra={<Link to={`/ledger?planId=${p.id}`}>在总台账中查看</Link>}>
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small">
          <Descriptions.Item label="发文机关">{p.issuer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="文号">{p.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="期限">{`${formatDate(p.periodStart)} — ${formatDate(p.periodEnd)}`}</Descriptions.Item>
          <Descriptions.Item label="事项">{`${p.taskCounts.total} 项，超期 ${p.taskCounts.overdue} 项`}</Descriptions.Item>
          <Descriptions.Item label="督办员">{p.supervisors.map((s) => s.displayName).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="来源文件">{p.sourceFileName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Section>
      {policy.isError && <Alert type="error" showIcon title={messageOf(policy.error)} />}
      {policy.data && (
        <>
          <PolicyEditor planId={id} policy={policy.data} version={policy.data.version} />
          <ProgressCycleEditor planId={id} cycle={policy.data.progressCycle} version={policy.data.version} />
        </>
      )}
      <Section title="责任事项">
        {!items.data ? (
          <Skeleton active />
        ) : (
          <>
            <ItemTable
              caption="方案的责任事项"
              items={items.data.items}
              action={(t) => (
                <Button size="small" aria-label={`提醒计划：${t.title}`} aria-pressed={picked?.id === t.id} onClick={() => setPicked(t)}>
                  提醒计划
                </Button>
              )}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={items.data.total} onChange={setPage} />
          </>
        )}
      </Section>
      {picked && <ReminderSchedule taskId={picked.id} title={`${picked.code} ${picked.title}`} />}
    </>
  );
}
