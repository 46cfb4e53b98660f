import { Alert, Button, Empty, Form, Input, Popconfirm, Select, Skeleton, Space } from 'antd';
import { useRef, useState } from 'react';
import { messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { ActionModal } from '../tasks/ActionModal';
import type { Unit } from './admin-queries';
import { UnitGroup, useDeleteUnitGroup, useSaveUnitGroup, useUnitGroups } from './unit-groups';
import '../tasks/task-table.css';

interface Values {
  name: string;
  aliases: string[];
  memberIds: string[];
}

/**
 * 单位分组: names documents use for several units at once (各区人民政府), which an import turns into each
 * member unit. Create, rename, change aliases and members, delete (each audited by the API).
 */
export function UnitGroups({ units }: { units: Unit[] | undefined }) {
  const groups = useUnitGroups();
  const save = useSaveUnitGroup();
  const remove = useDeleteUnitGroup();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  // null: closed; 'new': a new group; else the group being edited.
  const [editing, setEditing] = useState<UnitGroup | 'new' | null>(null);
  // What was typed stays when the same dialog is opened again (after an error, say); another group starts from its own values.
  const last = useRef<string | null>(null);
  const open = (g: UnitGroup | 'new') => {
    const key = g === 'new' ? 'new' : `${g.id}:${g.version}`;
    if (key !== last.current) {
      form.setFieldsValue(g === 'new' ? { name: '', aliases: [], memberIds: [] } : { name: g.name, aliases: g.aliases, memberIds: g.members.map((m) => m.id) });
    }
    last.current = key;
    setEditing(g);
  };
  const editingGroup = editing && editing !== 'new' ? editing : null;
  const drop = (g: UnitGroup) =>
    remove.mutateAsync({ id: g.id, version: g.version }).then(
      () => void message.success(`已删除分组“${g.name}”`),
      (e) => void message.error(messageOf(e)),
    );

  return (
    <Section title={`单位分组（${groups.data?.length ?? '…'}）`} extra={<Button onClick={() => open('new')}>新建分组</Button>}>
      <p>文件中用一个名称指代多个单位时（如“各区人民政府”），导入会把事项交办给分组内的每个单位。</p>
      {groups.isError ? (
        <Alert type="error" showIcon title={messageOf(groups.error)} />
      ) : !groups.data ? (
        <Skeleton active />
      ) : groups.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有单位分组" />
      ) : (
        <table className="task-table">
          <caption className="visually-hidden">单位分组</caption>
          <thead>
            <tr>
              <th scope="col">分组名称</th>
              <th scope="col">别名</th>
              <th scope="col">成员单位</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g.id}>
                <td data-label="分组名称">{g.name}</td>
                <td data-label="别名">{g.aliases.join('、') || '—'}</td>
                <td data-label="成员单位">
                  {g.members.length} 个：{g.members.map((m) => m.name).join('、') || '—'}
                </td>
                <td data-label="操作">
                  <Space>
                    <Button size="small" aria-label={`编辑分组：${g.name}`} onClick={() => open(g)}>
                      编辑
                    </Button>
                    <Popconfirm title={`删除分组“${g.name}”？已导入的事项不受影响。`} okText="删除" cancelText="取消" onConfirm={() => drop(g)}>
                      <Button size="small" danger aria-label={`删除分组：${g.name}`} disabled={remove.isPending}>
                        删除
                      </Button>
                    </Popconfirm>
                  </Space>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionModal<Values>
        name="unit-group"
        title={editingGroup ? `编辑分组“${editingGroup.name}”` : '新建单位分组'}
        okText="保存"
        open={editing !== null}
        form={form}
        onClose={() => setEditing(null)}
        onSubmit={(v) =>
          save.mutateAsync({ id: editingGroup?.id ?? null, version: editingGroup?.version ?? 1, body: { name: v.name.trim(), aliases: v.aliases ?? [], memberIds: v.memberIds ?? [] } })
        }
        onDone={() => (last.current = null)}
        doneText="已保存分组"
      >
        <Form.Item name="name" label="分组名称" rules={[{ required: true, whitespace: true, message: '请填写分组名称' }]}>
          <Input placeholder="例如：各区人民政府" />
        </Form.Item>
        <Form.Item name="aliases" label="别名（文件中的其他写法）">
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', '，', ',']} placeholder="输入别名，回车确认" />
        </Form.Item>
        <Form.Item name="memberIds" label="成员单位">
          <Select
            mode="multiple"
            placeholder="输入单位名称查找并添加"
            showSearch={{ optionFilterProp: 'label' }}
            loading={!units}
            options={units?.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </ActionModal>
    </Section>
  );
}
