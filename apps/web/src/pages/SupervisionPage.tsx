import { Button, Empty, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useFeedback } from '../app/feedback';

import { Pager } from '../components/Pager';
import { FailedDeliveries } from '../features/supervision/FailedDeliveries';
import { ItemTable } from '../features/supervision/ItemTable';
import { LedgerQuery, ledgerSearch } from '../features/supervision/ledger-query';
import { TaskSummary, useFailedReminders, useLedger } from '../features/supervision/supervision-queries';
import { UrgeModal } from '../features/supervision/UrgeModal';
import './ledger.css';
import { Loaded } from '../components/Loaded';

const PAGE_SIZE = 20;

interface Queue {
  key: string;
  label: string;
  empty: string;
  filter: Partial<LedgerQuery>;
  /** The decision this queue waits for, if any: a link to the 审核 page. */
  act?: string;
  /** Its items wait on the units, so they can be picked and urged (批量催办). */
  urge?: true;
}

/** The supervisor's queues, as filters of GET /tasks; the 总台账 shows each with every other filter. */
const QUEUES: Queue[] = [
  { key: 'review', label: '待审核', empty: '没有待审核的办结申请', filter: { status: 'submitted' }, act: '审核' },
  { key: 'extensions', label: '待审批延期', empty: '没有待审批的延期申请', filter: { extensionPending: true }, act: '审批延期' },
  { key: 'unacknowledged', label: '未签收', empty: '没有未签收的事项', filter: { status: 'assigned' }, urge: true },
  { key: 'due_soon', label: '临期', empty: '没有临近期限的事项', filter: { light: 'yellow' }, urge: true },
  { key: 'overdue', label: '超期', empty: '没有超期事项', filter: { overdue: true }, urge: true },
];
const FAILED = 'failed';

function useQueue(q: Queue, page: number) {
  return useLedger({ ...q.filter, sort: 'dueAt:asc', page, limit: PAGE_SIZE } as LedgerQuery);
}

/** 督办工作台: what waits for the supervisor, each queue with its count; failed deliveries with 重新发送. */
export default function SupervisionPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === FAILED ? FAILED : (QUEUES.find((q) => q.key === params.get('tab'))?.key ?? 'review');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageOf = (key: string) => (key === tab ? page : 1);
  // Every queue is asked at once: its total is the tab's count, its first page the list.
  const lists = [
    useQueue(QUEUES[0], pageOf(QUEUES[0].key)),
    useQueue(QUEUES[1], pageOf(QUEUES[1].key)),
    useQueue(QUEUES[2], pageOf(QUEUES[2].key)),
    useQueue(QUEUES[3], pageOf(QUEUES[3].key)),
    useQueue(QUEUES[4], pageOf(QUEUES[4].key)),
  ];
  const failed = useFailedReminders(pageOf(FAILED), PAGE_SIZE);
  const index = QUEUES.findIndex((q) => q.key === tab);
  const current = index >= 0 ? lists[index] : failed;
  const queue = QUEUES[index];
  // Picked rows belong to the queue and page they were picked on.
  const [picked, setPicked] = useState<{ at: string; ids: Set<string> }>({ at: '', ids: new Set() });
  const at = `${tab}:${page}`;
  const ids = picked.at === at ? picked.ids : new Set<string>();
  const [urging, setUrging] = useState(false);
  const { message } = useFeedback();

  const shown = !!current.data;
  useEffect(() => {
    if (shown) performance.mark('duban:supervision-shown');
  }, [shown]);

  const count = (n: number | undefined) => <span className="tab-count">（{n ?? '…'}）</span>;
  const action = (q: Queue) => (t: TaskSummary) =>
    q.act ? (
      <Link to={`/review/${t.id}`} className="target" aria-label={`${q.act}：${t.title}`}>
        {q.act}
      </Link>
    ) : (
      <Link to={`/items/${t.id}`} className="target" aria-label={`查看：${t.title}`}>
        查看
      </Link>
    );

  return (
    <>
      <h1 className="page-title">督办工作台</h1>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          ...QUEUES.map((q, i) => ({ key: q.key, label: <span>{q.label}{count(lists[i].data?.total)}</span> })),
          { key: FAILED, label: <span>投递失败{count(failed.data?.total)}</span> },
        ]}
      />
      {/* Either list (a queue's items or the failed deliveries) as a page: the tables below read their own. */}
      <Loaded<{ items: unknown[]; total: number }> read={current}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={queue ? queue.empty : '没有投递失败的提醒'} />
          ) : (
            <>
              {queue?.urge && (
                <div className="ledger-toolbar">
                  <span aria-live="polite">{ids.size > 0 ? `已选 ${ids.size} 项` : '选择事项后可批量催办'}</span>
                  <Button disabled={ids.size === 0} onClick={() => setUrging(true)}>
                    批量催办{ids.size > 0 ? `（${ids.size}）` : ''}
                  </Button>
                </div>
              )}
              {queue ? (
                <ItemTable
                  caption={`${queue.label}的事项`}
                  items={lists[index].data!.items}
                  action={action(queue)}
                  selection={queue.urge ? { ids, onChange: (next) => setPicked({ at, ids: next }) } : undefined}
                />
              ) : (
                <FailedDeliveries items={failed.data!.items} />
              )}
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={(p) => setParams({ tab, page: String(p) })} />
              {queue && (
                <p style={{ marginTop: 12 }}>
                  <Link to={`/ledger${ledgerSearch(queue.filter)}`}>在总台账中按更多条件查看{queue.label}事项</Link>
                </p>
              )}
            </>
          )
        }
      </Loaded>
      <UrgeModal
        taskIds={[...ids]}
        open={urging}
        onClose={() => setUrging(false)}
        onDone={(queued) => {
          setUrging(false);
          setPicked({ at: '', ids: new Set() });
          message.success(`已催办：${queued} 个单位将立即收到催办`);
        }}
      />
    </>
  );
}
