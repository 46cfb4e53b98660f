import { Alert, Button, Form, Input, Select, Space, Table } from 'antd';
import { useEffect } from 'react';
import { messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { CalendarDay, CalendarDayKind, useChangeDays } from './calendar-queries';
import { KIND_WORDS } from './year-grid';

interface Values {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

const KIND_OPTIONS = (Object.keys(KIND_WORDS) as CalendarDayKind[]).map((k) => ({ value: k, label: KIND_WORDS[k] }));

/**
 * Adds or replaces one day, and lists the year's special days with 删除 (back to what the weekday says).
 * A refused day (a 调休上班 that is not a weekend day, …) is said in the API's words; the form keeps it.
 */
export function DayEditor({ days, picked }: { days: CalendarDay[]; picked: { date: string; day: CalendarDay | null } | null }) {
  const [form] = Form.useForm<Values>();
  const change = useChangeDays();
  const { message } = useFeedback();
  useEffect(() => {
    if (picked) form.setFieldsValue({ date: picked.date, kind: picked.day?.kind ?? 'holiday', name: picked.day?.name ?? '' });
  }, [picked, form]);

  const save = (v: Values) =>
    change.mutate({ add: [{ date: v.date, kind: v.kind, name: v.name.trim() }] }, { onSuccess: (r) => void message.success(`已保存 ${v.date}，${r.replanned} 个未办结事项的提醒已重新安排`) });
  const remove = (date: string) => change.mutate({ remove: [date] }, { onSuccess: () => void message.success(`已删除 ${date}，恢复按星期计算`) });

  return (
    <Section title="添加或修改一天">
      {change.isError && <Alert type="error" showIcon role="alert" title={messageOf(change.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} name="calendar-day" layout="inline" onFinish={save} initialValues={{ kind: 'holiday', name: '' }} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={KIND_OPTIONS} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称，如 春节、市庆日' }]}>
          <Input placeholder="如 春节" maxLength={50} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={change.isPending}>
          保存这一天
        </Button>
      </Form>
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        dataSource={days}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        locale={{ emptyText: '本年没有特殊日期，全部按星期计算' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '类型', dataIndex: 'kind', render: (k: CalendarDayKind) => KIND_WORDS[k] },
          { title: '名称', dataIndex: 'name' },
          { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'admin' ? '管理员' : s === 'notice' ? '国务院通知' : s) },
          {
            title: '操作',
            render: (_, d) => (
              <Space>
                <Button size="small" danger disabled={change.isPending} onClick={() => remove(d.date)} aria-label={`删除 ${d.date}`}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Section>
  );
}
