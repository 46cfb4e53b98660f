import { Alert } from 'antd';
import { CardTable } from '../../components/CardTable';
import { formatDateTime } from '../../lib/dates';
import { useUnitPeople } from './task-queries';

/** The unit head's figures per person of the unit (GET /reports/people). */
export function PeopleSummary() {
  const people = useUnitPeople(true);
  if (people.isError) return <Alert type="warning" showIcon title="人员统计暂时无法读取" />;
  const rows = people.data?.items ?? [];
  if (!rows.length) return null;
  return (
    <section aria-labelledby="people-title" style={{ marginBottom: 16 }}>
      <h2 id="people-title" className="group-title">
        本单位人员办理情况
      </h2>
      <CardTable
        rows={rows}
        rowKey={(p) => p.userId}
        columns={[
          { title: '承办人', cell: (p) => p.displayName },
          { title: '报送事项', cell: (p) => p.items },
          { title: '报送次数', cell: (p) => p.reports },
          { title: '已办结', cell: (p) => p.completed },
          { title: '超期', cell: (p) => p.overdue },
          { title: '最近报送', cell: (p) => formatDateTime(p.lastProgressAt) },
        ]}
      />
    </section>
  );
}
