import { Alert, Button, Input, Popconfirm, Skeleton, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useFeedback } from '../app/feedback';
import { messageOf } from '../api/errors';
import { Pager } from '../components/Pager';
import { ResetPasswordModal } from '../features/admin/ResetPasswordModal';
import { UserModal } from '../features/admin/UserModal';
import { useAllUnits, User, useRevokeSessions, useUpdateUser, useUsers } from '../features/admin/admin-queries';
import { label, USER_ROLE } from '../lib/labels';
import { CardTable } from '../components/CardTable';

const PAGE_SIZE = 50;

/** 用户管理 (管理员): find, create, edit role and unit, reset password, disable or enable, end every session. */
export default function AdminUsersPage() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const users = useUsers({ ...(q ? { q } : {}), page, limit: PAGE_SIZE });
  const units = useAllUnits();
  const update = useUpdateUser();
  const revoke = useRevokeSessions();
  const { message } = useFeedback();
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const unitName = useCallback((id: string | null) => (id ? (units.data?.find((u) => u.id === id)?.name ?? '') : ''), [units.data]);

  const toggleActive = (u: User) =>
    update.mutate(
      { id: u.id, body: { version: u.version, active: !u.active } },
      { onSuccess: () => void message.success(u.active ? `已停用：${u.displayName}` : `已启用：${u.displayName}`), onError: (e) => void message.error(messageOf(e)) },
    );

  const revokeSessions = (u: User) =>
    revoke.mutate(u.id, {
      onSuccess: (r) => void message.success(`已注销 ${u.displayName} 的全部会话：${r.refreshTokens} 个登录，${r.apiTokens} 个 API 令牌`),
      onError: (e) => void message.error(messageOf(e)),
    });

  return (
    <>
      <h1 className="page-title">用户管理</h1>
      <div className="ledger-toolbar" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <form role="search" aria-label="查找用户" onSubmit={(e) => (e.preventDefault(), setQ(typed.trim()), setPage(1))}>
          <Space.Compact>
            <Input aria-label="用户名或姓名" placeholder="用户名或姓名" value={typed} onChange={(e) => setTyped(e.target.value)} allowClear style={{ width: 240 }} />
            <Button htmlType="submit">查找</Button>
          </Space.Compact>
        </form>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建用户
        </Button>
      </div>
      {users.isError ? (
        <Alert type="error" showIcon title={messageOf(users.error)} />
      ) : !users.data ? (
        <Skeleton active />
      ) : (
        <>
          <CardTable
            caption="用户"
            rows={users.data.items}
            rowKey={(u) => u.id}
            columns={[
              { title: '用户名', cell: (u) => u.username },
              { title: '姓名', cell: (u) => u.displayName },
              { title: '单位', cell: (u) => unitName(u.unitId) || '—' },
              { title: '角色', cell: (u) => u.roles.map((r) => label(USER_ROLE, r)).join('、') },
              { title: '状态', cell: (u) => (u.active ? <Tag color="#237804">启用</Tag> : <Tag>已停用</Tag>) },
              {
                title: '操作',
                cell: (u) => (
                  <Space wrap>
                    <Button size="small" aria-label={`编辑：${u.username}`} onClick={() => setEditing(u)}>
                      编辑
                    </Button>
                    <Button size="small" aria-label={`重置密码：${u.username}`} onClick={() => setResetting(u)}>
                      重置密码
                    </Button>
                    <Button size="small" danger={u.active} aria-label={`${u.active ? '停用' : '启用'}：${u.username}`} onClick={() => toggleActive(u)}>
                      {u.active ? '停用' : '启用'}
                    </Button>
                    <Popconfirm
                      title={`注销 ${u.displayName} 的全部会话？`}
                      description="所有设备上的登录立即失效，个人 API 令牌一并吊销（如手机丢失、密码泄露）。"
                      okText="注销"
                      cancelText="取消"
                      onConfirm={() => revokeSessions(u)}
                    >
                      <Button size="small" aria-label={`注销会话：${u.username}`} disabled={revoke.isPending}>
                        注销会话
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onChange={setPage} unit="人" />
        </>
      )}
      <UserModal
        user={editing}
        open={creating || !!editing}
        unitName={unitName}
        onClose={() => (setCreating(false), setEditing(null))}
        onDone={(text) => {
          setCreating(false);
          setEditing(null);
          void message.success(text);
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={() => (setResetting(null), void message.success('已重置密码'))} />
    </>
  );
}
