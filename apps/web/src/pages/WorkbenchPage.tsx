import { Alert, Button, Empty, Segmented, Skeleton } from 'antd';
import type { SegmentedOptions } from 'antd/es/segmented';
import { useFeedback } from '../app/feedback';
import { useLayoutEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, messageOf } from '../api/errors';
import { Pager } from '../components/Pager';
import { TabBar } from '../components/TabBar';
import { takeOverFromShell, WORKBENCH_PAGE_SIZE } from '../boot/early';
import { useSession } from '../auth/use-session';
import { ByPerson, handlerOf } from '../features/tasks/ByPerson';
import { PeopleSummary } from '../features/tasks/PeopleSummary';
import { TaskTable } from '../features/tasks/TaskTable';
import { useAcknowledge, useWorkbenchCounts, useWorkbenchTab, WorkbenchItem, WorkbenchTab } from '../features/tasks/task-queries';
import { WORKBENCH_TAB_LABELS } from '../features/tasks/workbench-tabs';

const TABS = WORKBENCH_TAB_LABELS;
const PAGE_SIZE = WORKBENCH_PAGE_SIZE;
/** By person: the whole tab at once (the API's page limit), grouped in the browser. */
const PERSON_LIMIT = 200;

type View = 'items' | 'people';
const VIEWS: SegmentedOptions<View> = [
  { value: 'items', label: '按事项' },
  { value: 'people', label: '按人员' },
];

export default function WorkbenchPage() {
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((t) => t.key === params.get('tab'))?.key ?? 'to_acknowledge') as WorkbenchTab;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { user } = useSession();
  const isHead = !!user?.roles.includes('unit_head');
  const [view, setView] = useState<View>('items');
  const byPerson = isHead && view === 'people';
  const counts = useWorkbenchCounts();
  const list = useWorkbenchTab(tab, byPerson ? 1 : page, byPerson ? PERSON_LIMIT : PAGE_SIZE);
  const ack = useAcknowledge();
  const { message } = useFeedback();
  const [acking, setAcking] = useState<string | null>(null);

  const acknowledge = (t: WorkbenchItem) => {
    setAcking(t.id);
    ack.mutate(
      { id: t.id, version: t.version },
      {
        onSuccess: () => void message.success(`已签收：${t.title}`),
        onError: (e) => void (e instanceof ApiError && e.stale ? message.warning(e.message) : message.error(messageOf(e))),
        onSettled: () => setAcking(null),
      },
    );
  };

  const shown = !!list.data && !!counts.data;
  const failed = list.isError || counts.isError;
  // A layout effect: the copy goes in the same task as this page's rows arrive, so the two are never both there.
  useLayoutEffect(() => {
    if (!shown && !failed) return;
    // This page replaces the boot script's copy of it (boot/workbench-shell.ts), which painted the data first.
    takeOverFromShell();
    if (!shown) return;
    // Read by bench/web: the data on screen (unless the boot script showed it already), and the page working.
    if (!performance.getEntriesByName('duban:workbench-shown').length) performance.mark('duban:workbench-shown');
    performance.mark('duban:workbench-interactive');
  }, [shown, failed]);

  const setTab = (key: string) => setParams({ tab: key }, { replace: false });
  const current = TABS.find((t) => t.key === tab)!;
  const caption = `${current.label}的事项`;
  const table = (items: WorkbenchItem[], cap: string) => <TaskTable caption={cap} items={items} onAcknowledge={acknowledge} acknowledging={acking} />;

  return (
    <>
      <h1 className="page-title">工作台</h1>
      {isHead && (
        <Segmented<View> aria-label="查看方式" value={view} onChange={setView} options={VIEWS} style={{ marginBottom: 12 }} />
      )}
      {byPerson && <PeopleSummary />}
      <TabBar
        label="事项分类"
        activeKey={tab}
        onChange={setTab}
        items={TABS.map((t) => ({
          key: t.key,
          label: (
            <span>
              {t.label}
              <span className="tab-count">（{counts.data ? counts.data[t.key] : '…'}）</span>
            </span>
          ),
        }))}
      />
      {list.isError ? (
        <Alert type="error" showIcon title={messageOf(list.error)} action={
            <Button size="small" onClick={() => list.refetch()}>
              重试
            </Button>
          } />
      ) : !list.data ? (
        <Skeleton active />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={current.empty} />
      ) : byPerson ? (
        <ByPerson items={list.data.items} personOf={handlerOf} render={table} />
      ) : (
        <>
          {table(list.data.items, caption)}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => setParams({ tab, page: String(p) })} />
        </>
      )}
    </>
  );
}
