import { Alert } from 'antd';
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
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col">承办人</th>
            <th scope="col">报送事项</th>
            <th scope="col">报送次数</th>
            <th scope="col">已办结</th>
            <th scope="col">超期</th>
            <th scope="col">最近报送</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.userId}>
              <td data-label="承办人">{p.displayName}</td>
              <td data-label="报送事项">{p.items}</td>
              <td data-label="报送次数">{p.reports}</td>
              <td data-label="已办结">{p.completed}</td>
              <td data-label="超期">{p.overdue}</td>
              <td data-label="最近报送">{formatDateTime(p.lastProgressAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
