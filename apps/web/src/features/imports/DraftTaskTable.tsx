import { Button, Popconfirm, Space, Tag } from 'antd';
import { formatDate } from '../../lib/dates';
import type { DraftTask } from './import-queries';
import { CardTable, ItemTitle } from '../../components/CardTable';

interface Props {
  tasks: DraftTask[];
  unknown: Set<string>;
  corrected: Record<string, string[]>;
  added: Set<string>;
  changed: Map<string, string[]>;
  onEdit(t: DraftTask): void;
  onDrop(t: DraftTask): void;
}

const FIELD: Record<string, string> = { title: '标题', deadline: '时限', leadUnits: '牵头单位', responsibleUnits: '责任单位', assistingUnits: '配合单位', dropped: '删除', merged: '合并', content: '内容', steps: '工作步骤', indicators: '指标' };

function Units({ names, unknown }: { names: string[]; unknown: Set<string> }) {
  if (!names.length) return <>—</>;
  return (
    <>
      {names.map((n) =>
        unknown.has(n) ? (
          <Tag key={n} color="#a8071a" title="目录中没有此单位">
            {n}（未识别）
          </Tag>
        ) : (
          <Tag key={n}>{n}</Tag>
        ),
      )}
    </>
  );
}

/** The items of a previewed plan: deadlines, units (unknown ones marked in words), indicators, corrections. */
export function DraftTaskTable({ tasks, unknown, corrected, added, changed, onEdit, onDrop }: Props) {
  return (
    <CardTable
      caption="预览的责任事项"
      rows={tasks}
      rowKey={(t) => t.code}
      item={(t) => (
        <>
          <ItemTitle code={t.code} title={t.title} />
          {!!t.leaders?.length && <div className="task-sub">责任领导：{t.leaders.join('、')}</div>}
          {!!t.contacts?.length && <div className="task-sub">责任人：{t.contacts.join('、')}</div>}
          <div className="task-tags">
            {added.has(t.code) && <Tag color="#237804">新增</Tag>}
            {changed.has(t.code) && <Tag color="#ad4e00">修订：{changed.get(t.code)!.map((f) => FIELD[f] ?? f).join('、')}</Tag>}
            {corrected[t.code] && <Tag color="#0958d9">已修正：{corrected[t.code].map((f) => FIELD[f] ?? f).join('、')}</Tag>}
          </div>
        </>
      )}
      columns={[
        {
          title: '完成时限',
          className: 'nowrap',
          cell: (t) => (
            <>
              {formatDate(t.deadline)}
              {t.deadlineText && <div className="task-sub">{t.deadlineText}</div>}
            </>
          ),
        },
        { title: '牵头单位', cell: (t) => <Units names={t.leadUnits} unknown={unknown} /> },
        { title: '责任单位', cell: (t) => <Units names={t.responsibleUnits} unknown={unknown} /> },
        { title: '配合单位', cell: (t) => <Units names={t.assistingUnits} unknown={unknown} /> },
        { title: '指标', cell: (t) => (t.indicators.length ? t.indicators.map((i) => `${i.name} ${i.comparator} ${i.value}${i.unit}`).join('；') : '—') },
        {
          title: '操作',
          cell: (t) => (
            <Space>
              <Button size="small" onClick={() => onEdit(t)} aria-label={`修正事项 ${t.code}`}>
                修正
              </Button>
              <Popconfirm title={`删除事项 ${t.code}？`} okText="删除" cancelText="取消" onConfirm={() => onDrop(t)}>
                <Button size="small" danger aria-label={`删除事项 ${t.code}`}>
                  删除
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
