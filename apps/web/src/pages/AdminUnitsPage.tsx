import { Alert, Button, Form, Input, Skeleton, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messageOf } from '../api/errors';
import { Section } from '../components/Section';
import { DirectoryImport } from '../features/admin/DirectoryImport';
import { UnitEditor } from '../features/admin/UnitEditor';
import { UnitGroups } from '../features/admin/UnitGroups';
import { UnitWebhook } from '../features/admin/UnitWebhook';
import { useAllUnits, useCreateUnit } from '../features/admin/admin-queries';
import { unitTree } from '../features/admin/unit-tree';
import { ActionModal } from '../features/tasks/ActionModal';
import './review.css';

interface NewUnit {
  name: string;
  code: string;
}

/** 单位管理 (管理员): the unit tree, each unit's name, aliases and robot (with 发送测试), new units, unit groups, the directory import. */
export default function AdminUnitsPage() {
  const units = useAllUnits();
  const create = useCreateUnit();
  // The chosen unit lives in the address (?unit=<id>), so a link opens it.
  const [params, setParams] = useSearchParams();
  const selected = params.get('unit');
  const setSelected = (id: string | null) => setParams(new URLSearchParams(id ? { unit: id } : {}));
  const [adding, setAdding] = useState(false);
  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const unit = units.data?.find((u) => u.id === selected) ?? null;

  return (
    <>
      <h1 className="page-title">单位管理</h1>
      {units.isError && <Alert type="error" showIcon title={messageOf(units.error)} />}
      <div className="review-layout">
        <Section title={`单位（${units.data?.length ?? '…'}）`} extra={<Button onClick={() => setAdding(true)}>{unit ? '新建下级单位' : '新建单位'}</Button>}>
          {!units.data ? <Skeleton active /> : <Tree aria-label="单位树" treeData={tree} selectedKeys={selected ? [selected] : []} onSelect={(keys) => setSelected((keys[0] as string) ?? null)} height={520} />}
        </Section>
        <div>
          {unit ? (
            <>
              <UnitEditor key={`${unit.id}:${unit.version}`} unit={unit} />
              <UnitWebhook key={unit.id} unitId={unit.id} />
            </>
          ) : (
            <Section title="单位详情">
              <p>在左侧选择一个单位，查看并修改名称、别名和单位机器人。</p>
            </Section>
          )}
        </div>
      </div>
      <UnitGroups units={units.data} />
      <DirectoryImport />
      <ActionModal<NewUnit>
        name="create-unit"
        title={unit ? `在“${unit.name}”下新建单位` : '新建单位'}
        okText="创建"
        open={adding}
        onClose={() => setAdding(false)}
        onSubmit={(v) => create.mutateAsync({ name: v.name.trim(), code: v.code.trim(), parentId: unit?.id })}
        doneText="已创建单位"
      >
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label="单位代码" rules={[{ required: true, whitespace: true, message: '请填写单位代码' }]}>
          <Input />
        </Form.Item>
      </ActionModal>
    </>
  );
}
