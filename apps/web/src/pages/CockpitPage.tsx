import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFeedback } from '../app/feedback';
import { download } from '../api/download';
import { messageOf } from '../api/errors';
import { CockpitFigures } from '../features/cockpit/CockpitFigures';
import { Indicators, LightPie, OverdueList, Trend, UnitRanking } from '../features/cockpit/CockpitPanels';
import { ReportFilter, useSummary } from '../features/cockpit/report-queries';
import { usePlanOptions } from '../features/directory/directory-queries';
import { formatDateTime } from '../lib/dates';
import './cockpit.css';
import { Loaded } from '../components/Loaded';

/** 驾驶舱 (领导): headline figures, lights, unit ranking, trend, indicators, overdue items; 大屏 for meetings. */
export default function CockpitPage() {
  const [params, setParams] = useSearchParams();
  const filter: ReportFilter = params.get('planId') ? { planId: params.get('planId')! } : {};
  const summary = useSummary(filter);
  const plans = usePlanOptions();
  const { message } = useFeedback();
  const [big, setBig] = useState(false);

  const shown = !!summary.data;
  useEffect(() => {
    if (shown) performance.mark('duban:cockpit-shown'); // read by bench/web
  }, [shown]);
  useEffect(() => {
    document.documentElement.classList.toggle('bigscreen', big);
    const leave = () => !document.fullscreenElement && setBig(false);
    document.addEventListener('fullscreenchange', leave);
    return () => {
      document.documentElement.classList.remove('bigscreen');
      document.removeEventListener('fullscreenchange', leave);
    };
  }, [big]);
  const toggleBig = async () => {
    if (!big) {
      // Full screen where the browser allows it; the 大屏 layout either way.
      await document.documentElement.requestFullscreen?.().catch(() => undefined);
      setBig(true);
    } else {
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
      setBig(false);
    }
  };
  const weekly = () => download('/reports/weekly.xlsx', { query: { ...filter } }, '督办通报.xlsx').catch((e) => void message.error(messageOf(e)));

  return (
    <div className="cockpit">
      <div className="cockpit-head">
        <h1 className="page-title">驾驶舱</h1>
        <Space wrap>
          <Select
            aria-label="方案"
            placeholder="全部方案"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260, maxWidth: '100%' }}
            value={filter.planId}
            options={plans.data?.items.map((p) => ({ value: p.id, label: p.title }))}
            onChange={(v) => setParams(v ? { planId: v } : {})}
          />
          <Button onClick={() => void weekly()}>下载督办通报</Button>
          <Button icon={big ? <FullscreenExitOutlined aria-hidden /> : <FullscreenOutlined aria-hidden />} onClick={() => void toggleBig()}>
            {big ? '退出大屏' : '大屏'}
          </Button>
        </Space>
      </div>
      <Loaded read={summary}>
        {(s) => (
          <>
            <p className="cockpit-asof">数据截至 {formatDateTime(s.asOf)}</p>
            <CockpitFigures s={s} filter={filter} />
            <div className="cockpit-grid">
              <LightPie s={s} filter={filter} />
              <Trend filter={filter} />
              <UnitRanking filter={filter} />
              <OverdueList filter={filter} />
              <Indicators filter={filter} />
            </div>
          </>
        )}
      </Loaded>
    </div>
  );
}
