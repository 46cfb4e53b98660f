import { Alert, Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { NoticePreview, useImportNotice, usePreviewNotice } from './calendar-queries';

type Holiday = NoticePreview['holidays'][number];

/**
 * 国务院办公厅关于部分节假日安排的通知: paste the text, see every holiday and 调休 day read, then confirm.
 * The confirmed year's holidays and 调休 days become exactly the notice's; the text stays on a refusal.
 */
export function NoticeImport({ onImported }: { onImported(year: number): void }) {
  const [text, setText] = useState('');
  const preview = usePreviewNotice();
  const commit = useImportNotice();
  const { message } = useFeedback();
  const read = preview.data && preview.variables === text ? preview.data : null;
  const error = preview.error ?? commit.error;

  const confirm = () =>
    commit.mutate(text, {
      onSuccess: (r) => {
        message.success(`已导入 ${r.year} 年节假日安排：${r.added.length} 天，${r.replanned} 个未办结事项的提醒已重新安排`);
        setText('');
        preview.reset();
        onImported(r.year);
      },
    });

  return (
    <Section title="导入国务院节假日安排通知">
      <label className="field-label" htmlFor="notice-text">
        粘贴通知全文（国务院办公厅关于XXXX年部分节假日安排的通知）
      </label>
      <Input.TextArea id="notice-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder="一、元旦：1月1日放假1天。…" />
      {error && <Alert type="error" showIcon role="alert" title={messageOf(error)} style={{ marginTop: 12 }} />}
      <Space style={{ marginTop: 12 }}>
        <Button disabled={!text.trim() || preview.isPending} onClick={() => preview.mutate(text)}>
          {preview.isPending ? '识别中…' : '预览'}
        </Button>
        <Button type="primary" disabled={!read || commit.isPending} onClick={confirm}>
          {read ? `确认导入 ${read.year} 年（${read.days.length} 天）` : '确认导入'}
        </Button>
      </Space>
      {read && (
        <Table<Holiday>
          style={{ marginTop: 12 }}
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={read.holidays}
          title={() => `${read.year} 年：识别出 ${read.holidays.length} 个节日，共 ${read.days.length} 天（放假与调休上班）`}
          columns={[
            { title: '节日', dataIndex: 'name' },
            { title: '放假', render: (_, h) => `${h.from} 至 ${h.to}，共 ${h.days} 天` },
            { title: '调休上班', dataIndex: 'workdays', render: (w: string[]) => (w.length ? w.join('、') : '无') },
          ]}
        />
      )}
    </Section>
  );
}
