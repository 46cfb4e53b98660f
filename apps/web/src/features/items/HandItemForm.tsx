import { Alert, Button, Col, Form, Input, Row, Select, Upload } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { Section } from '../../components/Section';
import { newIdempotencyKey } from '../tasks/task-queries';
import { UploadedFile, uploadEvidence } from '../tasks/evidence-upload';
import { fieldErrors, NewHandItem, SOURCE_TYPES, useCreateHandItem } from './hand-item-queries';
import { UnitNamesSelect } from './UnitNamesSelect';

type Values = Omit<NewHandItem, 'sourceFileId'>;

/** Field problems are shown under their fields; the banner says how many, or the reason when no field is named. */
const refusal = (e: unknown) => {
  const n = e instanceof ApiError ? fieldErrors(e.body.message).reduce((k, f) => k + f.errors.length, 0) : 0;
  return n ? `未能交办：有 ${n} 处需要修改，见标红栏目下方的说明；已填写的内容均已保留` : messageOf(e);
};

/**
 * 立项 / 交办件: one item by hand with its source (领导批示, 会议议定, 人大建议 …), its 文号 and document.
 * A refusal is shown under each field it names; what was typed stays, and a retry is filed once.
 */
export function HandItemForm({ onCreated }: { onCreated(id: string): void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateHandItem();
  const key = useRef(newIdempotencyKey());
  const [source, setSource] = useState<UploadedFile | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const submit = (v: Values) =>
    create.mutate(
      { body: { ...v, sourceFileId: source?.id }, idempotencyKey: key.current },
      {
        onSuccess: (item) => {
          key.current = newIdempotencyKey();
          onCreated(item.id);
        },
        onError: (e) => {
          if (e instanceof ApiError && !e.transient) form.setFields(fieldErrors(e.body.message) as never);
        },
      },
    );

  return (
    <Form form={form} name="hand-item" layout="vertical" onFinish={submit} initialValues={{ sourceType: '领导批示' }} scrollToFirstError>
      {create.isError && <Alert type="error" showIcon role="alert" title={refusal(create.error)} style={{ marginBottom: 12 }} />}
      <Section title="来源">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sourceType" label="立项来源" rules={[{ required: true, message: '请选择立项来源' }]}>
              <Select options={SOURCE_TYPES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="issuer" label="交办机关或领导">
              <Input placeholder="如：市人民政府" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="docNumber" label="文号">
              <Input placeholder="如：市长批示〔2026〕7号" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="来源文件（批示件、会议纪要等，可选）">
          <Upload
            maxCount={1}
            customRequest={({ file, onSuccess, onError }) => {
              setUploadError(null);
              uploadEvidence(file as File).then(
                (f) => (setSource(f), onSuccess?.(f)),
                (e) => (setUploadError(messageOf(e)), onError?.(e as Error)),
              );
            }}
            onRemove={() => setSource(null)}
          >
            <Button>上传来源文件</Button>
          </Upload>
          {uploadError && (
            <div className="field-error" role="alert">
              {uploadError}
            </div>
          )}
        </Form.Item>
      </Section>
      <Section title="事项">
        <Form.Item name="title" label="事项名称" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="content" label="具体内容">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="goal" label="工作目标">
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="完成时限"
          extra="日期（2026-09-30）或批示原话，如 9月底前、三季度、年底前"
          rules={[{ required: true, whitespace: true, message: '请填写完成时限' }]}
        >
          <Input maxLength={30} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item name="leadUnits" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <UnitNamesSelect />
        </Form.Item>
        <Form.Item name="responsibleUnits" label="责任单位">
          <UnitNamesSelect />
        </Form.Item>
        <Form.Item name="assistingUnits" label="配合单位">
          <UnitNamesSelect />
        </Form.Item>
      </Section>
      <Button type="primary" htmlType="submit" size="large" disabled={create.isPending}>
        {create.isPending ? '交办中…' : '立项并交办'}
      </Button>
    </Form>
  );
}
