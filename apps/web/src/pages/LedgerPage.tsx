import { Button, Empty, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../app/feedback';
import { useSession } from '../auth/use-session';
import { download } from '../api/download';
import { messageOf } from '../api/errors';
import { Pager } from '../components/Pager';
import { BulkAssignModal } from '../features/supervision/BulkAssignModal';
import { UrgeModal } from '../features/supervision/UrgeModal';
import { ItemTable } from '../features/supervision/ItemTable';
import { LedgerFilters } from '../features/supervision/LedgerFilters';
import { SavedViews } from '../features/ledger/SavedViews';
import { LEDGER_PAGE_SIZE, LedgerQuery, ledgerQueryFrom, ledgerSearch, LedgerSort } from '../features/supervision/ledger-query';
import { supervisionKeys, useLedger } from '../features/supervision/supervision-queries';
import './ledger.css';
import { Loaded } from '../components/Loaded';

/** 总台账: every item the caller may see, filtered, sorted and paged by the API; the address is the view. */
export default function LedgerPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => ledgerQueryFrom(params), [params]);
  const list = useLedger(query);
  const { user } = useSession();
  const supervisor = !!user?.roles.includes('supervisor');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'assign' | 'urge' | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const { message } = useFeedback();
  const qc = useQueryClient();

  const count = picked.size > 0 ? `（${picked.size}）` : '';
  const closeDialog = (done: string | null) => {
    setDialog(null);
    if (done === null) return;
    setPicked(new Set());
    message.success(done);
    void qc.invalidateQueries({ queryKey: supervisionKeys.all });
  };

  const shown = !!list.data;
  useEffect(() => {
    if (shown) performance.mark('duban:ledger-shown'); // read by bench/web
  }, [shown]);

  const go = (next: Partial<LedgerQuery>) => setParams(new URLSearchParams(ledgerSearch({ ...query, ...next }).slice(1)));
  const copyLink = async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    message.success('已复制本视图的链接，可发送给同事');
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      const { page: _p, limit: _l, ...filters } = query;
      await download('/reports/items', { query: { ...filters, format } }, `总台账.${format}`);
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <h1 className="page-title">总台账</h1>
      <LedgerFilters value={query} onChange={go} onReset={() => setParams(new URLSearchParams())} />
      <SavedViews query={query} />
      <div className="ledger-toolbar">
        <span aria-live="polite">
          {list.data ? `共 ${list.data.total} 项` : '正在查询…'}
          {query.planId && (
            <Link to={`/plans/${query.planId}`} style={{ marginLeft: 12 }}>
              方案设置与提醒规则
            </Link>
          )}
        </span>
        <Space wrap>
          {supervisor && (
            <>
              <Button disabled={picked.size === 0} onClick={() => setDialog('urge')}>
                立即催办{count}
              </Button>
              <Button disabled={picked.size === 0} onClick={() => setDialog('assign')}>
                批量指派单位{count}
              </Button>
            </>
          )}
          <Button onClick={() => void copyLink()}>复制链接</Button>
          <Button disabled={!!exporting} onClick={() => void exportAs('csv')}>
            {exporting === 'csv' ? '导出中…' : '导出 CSV'}
          </Button>
          <Button disabled={!!exporting} onClick={() => void exportAs('xlsx')}>
            {exporting === 'xlsx' ? '导出中…' : '导出 Excel'}
          </Button>
        </Space>
      </div>
      <Loaded read={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的事项" />
          ) : (
            <>
              <ItemTable
                caption="总台账事项"
                items={data.items}
                selection={supervisor ? { ids: picked, onChange: setPicked } : undefined}
                sort={{ value: (query.sort ?? 'dueAt:asc') as LedgerSort, onChange: (sort) => go({ sort, page: 1 }) }}
              />
              <Pager page={query.page ?? 1} pageSize={LEDGER_PAGE_SIZE} total={data.total} onChange={(p) => go({ page: p })} />
            </>
          )
        }
      </Loaded>
      <BulkAssignModal taskIds={[...picked]} open={dialog === 'assign'} onClose={() => closeDialog(null)} onDone={(notified) => closeDialog(notified ? '已指派' : '已指派（未通知该单位）')} />
      <UrgeModal
        taskIds={[...picked]}
        open={dialog === 'urge'}
        onClose={() => closeDialog(null)}
        onDone={(queued) => closeDialog(`已催办：${queued} 个单位将立即收到催办`)}
      />
    </>
  );
}
