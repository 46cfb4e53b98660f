import { Alert, Button, Descriptions, Empty, Result, Skeleton, Steps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../app/feedback';
import { ApiError, messageOf } from '../api/errors';
import { Section } from '../components/Section';
import { DraftTaskTable } from '../features/imports/DraftTaskTable';
import { EditDraftTaskModal } from '../features/imports/EditDraftTaskModal';
import { Draft, DraftEdit, DraftTask, ImportDiff, useCommitImport, useCorrectImport, useImport } from '../features/imports/import-queries';
import { OcrFailed } from '../features/imports/OcrFailed';
import { OcrPending } from '../features/imports/OcrPending';
import { UnknownUnits } from '../features/imports/UnknownUnits';
import { formatDate } from '../lib/dates';
import { IMPORT_STEPS } from './ImportPage';
import './imports.css';

/** 导入, steps 2 and 3: the preview as read, corrections (PATCH /imports/:id), then commit. */
export default function ImportPreviewPage() {
  const { id = '' } = useParams();
  const detail = useImport(id);
  const correct = useCorrectImport(id);
  const commit = useCommitImport(id);
  const { message } = useFeedback();
  const [editing, setEditing] = useState<DraftTask | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title="导入记录不存在" extra={<Link to="/imports/new">重新上传</Link>} /> : <Alert type="error" showIcon title={messageOf(detail.error)} />;
  }
  if (!detail.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const d = detail.data;
  // A scan has no draft until the worker has read it: progress, or why it could not.
  if (d.status === 'ocr_pending' || d.status === 'ocr_failed') {
    const failed = d.status === 'ocr_failed';
    return (
      <>
        <h1 className="page-title">{failed ? '导入方案：文字识别失败' : '导入方案：文字识别'}</h1>
        <Steps current={1} status={failed ? 'error' : 'process'} items={IMPORT_STEPS} style={{ marginBottom: 16 }} />
        <Section title={failed ? '识别结果' : '识别进度'}>
          {failed ? <OcrFailed fileName={d.fileName} reason={d.ocr?.error ?? null} /> : <OcrPending fileName={d.fileName} ocr={d.ocr} link={window.location.href} />}
        </Section>
      </>
    );
  }
  const draft = d.draft as unknown as Draft;
  const diff = d.diff as ImportDiff | null;
  const unknown = new Set(d.unknownUnits);
  const committed = d.status === 'committed' || d.status === 'unchanged';
  const scanned = d.ocr !== null;

  const apply = (edits: DraftEdit[]) =>
    new Promise((resolve, reject) => {
      setError(null);
      correct.mutate(
        { version: d.version, edits },
        {
          onSuccess: (r) => {
            void message.success('已修正');
            resolve(r);
          },
          onError: (e) => {
            const text = e instanceof ApiError && e.status === 409 ? '此预览已被修改，已为您刷新，请再修正一次' : messageOf(e);
            setError(text);
            reject(e instanceof ApiError ? new ApiError(e.status, e.body, text) : e);
          },
        },
      );
    });

  const onCommit = () =>
    commit.mutate(undefined, {
      onError: (e) => setError(messageOf(e)),
    });

  if (commit.data) {
    const r = commit.data;
    return (
      <>
        <h1 className="page-title">导入方案</h1>
        <Steps current={3} items={IMPORT_STEPS} style={{ marginBottom: 16 }} />
        <Result
          status="success"
          title="已导入"
          subTitle={`${draft.plan.title}：新建 ${r.tasksCreated} 项，更新 ${r.tasksUpdated} 项，移除 ${r.tasksRemoved} 项${r.pendingUnits.length ? `；待确认单位：${r.pendingUnits.join('、')}` : ''}`}
          extra={[
            <Link key="ledger" to={`/ledger?planId=${r.planId}`}>
              在总台账中查看
            </Link>,
            <Link key="plan" to={`/plans/${r.planId}`}>
              方案设置
            </Link>,
          ]}
        />
      </>
    );
  }

  return (
    <>
      <h1 className="page-title">导入方案：预览与修正</h1>
      <Steps current={1} items={IMPORT_STEPS} style={{ marginBottom: 16 }} />
      {committed && <Alert type="info" showIcon title="此文件已导入" action={d.planId ? <Link to={`/ledger?planId=${d.planId}`}>查看事项</Link> : undefined} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 12 }} />}
      <Section title="方案信息">
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small">
          <Descriptions.Item label="标题">{draft.plan.title}</Descriptions.Item>
          <Descriptions.Item label="发文机关">{draft.plan.issuer || '—'}</Descriptions.Item>
          <Descriptions.Item label="文号">{draft.plan.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="年度">{draft.plan.year}</Descriptions.Item>
          <Descriptions.Item label="期限">{`${formatDate(draft.plan.periodStart)} — ${formatDate(draft.plan.periodEnd)}`}</Descriptions.Item>
          <Descriptions.Item label="文件">{scanned ? `${d.fileName}（扫描件，已识别 ${d.ocr!.pagesDone} 页）` : d.fileName}</Descriptions.Item>
          <Descriptions.Item label="责任事项">{draft.tasks.length} 项</Descriptions.Item>
          <Descriptions.Item label="目标">{draft.targets.length} 项</Descriptions.Item>
          <Descriptions.Item label="类型">{diff ? '已有方案的修订版' : '新方案'}</Descriptions.Item>
        </Descriptions>
      </Section>
      {diff && (
        <Section title="修订差异">
          <p>
            新增 {diff.added.length} 项{diff.added.length ? `（${diff.added.join('、')}）` : ''}；移除 {diff.removed.length} 项
            {diff.removed.length ? `（${diff.removed.join('、')}）` : ''}；修改 {diff.changed.length} 项
            {diff.changed.length ? `（${diff.changed.map((c) => c.code).join('、')}）` : ''}。
          </p>
        </Section>
      )}
      {d.proposals.length > 0 && !committed && (
        <Section title={`未识别的单位（${d.proposals.length}）`}>
          <p>以下单位名称不在单位目录中。请对应到已有单位（以后导入会自动识别），或新建单位；不处理的将作为待确认单位导入。</p>
          <UnknownUnits
            proposals={d.proposals}
            busy={correct.isPending}
            onMap={(name, unitId) => void apply([{ op: 'mapUnit', name, unitId }]).catch(() => undefined)}
            onCreate={(name, unitName) => void apply([{ op: 'createUnit', name, unitName }]).catch(() => undefined)}
          />
        </Section>
      )}
      {draft.warnings.length > 0 && (
        <Section title={`解析提示（${draft.warnings.length}）`}>
          {scanned && <p>此文件是扫描件，文字由文字识别读出：请对照原件核对以下提示所指的事项，可在下方「责任事项」中修正。</p>}
          <ul className="import-warnings">
            {draft.warnings.map((w, i) => (
              <li key={i}>
                第 {w.line} 行：{w.message}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {draft.targets.some((t) => t.indicators.length) && (
        <Section title="目标指标">
          <ul>
            {draft.targets.flatMap((t) => t.indicators.map((i, k) => <li key={`${t.code}-${k}`}>{`${t.code} ${i.name} ${i.comparator} ${i.value}${i.unit}`}</li>))}
          </ul>
        </Section>
      )}
      <Section title={`责任事项（${draft.tasks.length}）`}>
        {draft.tasks.length === 0 ? (
          <Empty description="没有可导入的事项" />
        ) : (
          <DraftTaskTable
            tasks={draft.tasks}
            unknown={unknown}
            corrected={d.correctedFields}
            added={new Set(diff?.added ?? [])}
            changed={new Map((diff?.changed ?? []).map((c) => [c.code, c.fields]))}
            onEdit={setEditing}
            onDrop={(t) => void apply([{ op: 'dropTask', code: t.code }]).catch(() => undefined)}
          />
        )}
      </Section>
      {!committed && (
        <div className="import-commit">
          <Button type="primary" size="large" disabled={commit.isPending || draft.tasks.length === 0} onClick={onCommit}>
            {commit.isPending ? '正在导入…' : `确认导入 ${draft.tasks.length} 项`}
          </Button>
          <Link to="/imports/new">重新上传</Link>
        </div>
      )}
      <EditDraftTaskModal task={editing} onClose={() => setEditing(null)} onSubmit={(edit) => apply([edit])} />
    </>
  );
}
