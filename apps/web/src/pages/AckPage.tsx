import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiError, messageOf } from '../api/errors';
import { formatDate, formatDateTime } from '../lib/dates';
import { label, PART_STATUS, TASK_STATUS, UNIT_ROLE } from '../lib/labels';

function refusal(e: unknown): { title: string; text: string } {
  if (e instanceof ApiError) {
    const why = typeof e.body.message === 'string' ? e.body.message : '';
    if (e.status === 400 && /expired/.test(why)) return { title: '链接已过期', text: '请登录后在工作台签收。' };
    if (e.status === 400) return { title: '链接无效', text: '链接不完整或已被改动。请从邮件中完整打开，或登录后在工作台签收。' };
    if (e.status === 403) return { title: '链接已失效', text: '收件人的账号已停用或已调离本单位。请登录后在工作台办理。' };
    if (e.status === 404) return { title: '无需签收', text: '本单位已不再承担此事项。' };
    if (e.status === 422) return { title: '无需签收', text: '此事项已办结、撤销或暂停。' };
  }
  return { title: '暂时无法打开', text: messageOf(e) };
}

/**
 * The page of a reminder mail's acknowledgement link. Opening it changes nothing (mail scanners
 * open every link); only the 签收 button acknowledges. No login is needed: the link is the credential.
 */
export default function AckPage() {
  const { token = '' } = useParams();
  const item = useQuery({
    queryKey: ['ack-link', token],
    queryFn: () => unwrap(api.GET('/ack/{token}/item', { params: { path: { token } } })),
    retry: (n, e) => n < 2 && e instanceof ApiError && e.transient,
  });
  const ack = useMutation({ mutationFn: () => unwrap(api.POST('/ack/{token}', { params: { path: { token } } })) });

  const body = () => {
    if (item.isError) {
      const r = refusal(item.error);
      return <Result status="warning" title={r.title} subTitle={r.text} extra={<Link to="/workbench">登录并打开工作台</Link>} />;
    }
    if (!item.data) return <Skeleton active />;
    const i = ack.data ?? item.data;
    const done = i.partStatus !== 'assigned';
    return (
      <>
        <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
          签收责任事项
        </Typography.Title>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="责任事项">
            {i.code} {i.title}
          </Descriptions.Item>
          <Descriptions.Item label="所属方案">{i.planTitle}</Descriptions.Item>
          <Descriptions.Item label="签收单位">
            {i.unitName}（{label(UNIT_ROLE, i.role)}）
          </Descriptions.Item>
          <Descriptions.Item label="完成时限">{formatDate(i.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="事项状态">{label(TASK_STATUS, i.taskStatus)}</Descriptions.Item>
          <Descriptions.Item label="本单位">{label(PART_STATUS, i.partStatus)}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 16 }} aria-live="polite">
          {ack.isError && <Alert type="error" showIcon role="alert" title={refusal(ack.error).title} description={refusal(ack.error).text} style={{ marginBottom: 12 }} />}
          {done ? (
            <Alert
              type="success"
              showIcon
              title={ack.data && !ack.data.alreadyAcknowledged ? '签收成功' : '本单位已签收'}
              description={`签收时间：${formatDateTime(i.acknowledgedAt)}。请登录后报送进展。`}
            />
          ) : (
            <>
              <Typography.Paragraph>
                {i.recipientName}，请确认代表{i.unitName}签收此事项。
              </Typography.Paragraph>
              <Button type="primary" size="large" disabled={ack.isPending} onClick={() => ack.mutate()}>
                {ack.isPending ? '签收中…' : '签收'}
              </Button>
            </>
          )}
        </div>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to={`/items/${i.taskId}`}>登录后查看事项详情、报送进展</Link>
        </Typography.Paragraph>
      </>
    );
  };

  return (
    <main className="page" style={{ maxWidth: 720 }}>
      <Card>{body()}</Card>
    </main>
  );
}
