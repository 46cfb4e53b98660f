import { Alert, Button, Descriptions } from 'antd';
import { useId, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { Section } from '../../components/Section';
import { usePreviewDirectory, useCommitDirectory } from './admin-queries';

const count = (c: { created: number; updated: number; unchanged: number }) => `新增 ${c.created}，修改 ${c.updated}，不变 ${c.unchanged}`;

/** 目录导入: the office's .xlsx/.csv previewed (every bad row named), then applied in one go. */
export function DirectoryImport() {
  const preview = usePreviewDirectory();
  const commit = useCommitDirectory();
  const [file, setFile] = useState<File | null>(null);
  const inputId = useId();
  const rowErrors = (e: unknown) => (e instanceof ApiError && Array.isArray((e.body as { errors?: unknown }).errors) ? ((e.body as { errors: { message: string; sheet?: string }[] }).errors) : []);
  const err = preview.error ?? commit.error;
  const p = preview.data;
  return (
    <Section title="导入单位和用户目录">
      <p>上传 .xlsx（工作表：单位、分组、用户）或 .csv；先预览，确认后一次性写入，有错误的行会逐行列出，什么都不会写入。</p>
      <label htmlFor={inputId} className="field-label">
        目录文件
      </label>
      <input id={inputId} type="file" accept=".xlsx,.csv" className="file-input" onChange={(e) => (setFile(e.target.files?.[0] ?? null), preview.reset(), commit.reset())} />
      <Button style={{ marginTop: 8 }} disabled={!file || preview.isPending} onClick={() => file && preview.mutate(file)}>
        {preview.isPending ? '正在检查…' : '预览'}
      </Button>
      {err && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={messageOf(err)}
          description={
            rowErrors(err).length ? (
              <ul>
                {rowErrors(err).map((r, i) => (
                  <li key={i}>{`${r.sheet ? `${r.sheet}：` : ''}${r.message}`}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {p && !commit.data && (
        <div style={{ marginTop: 12 }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="单位">{count(p.counts.units)}</Descriptions.Item>
            <Descriptions.Item label="分组">{count(p.counts.groups)}</Descriptions.Item>
            <Descriptions.Item label="用户">{count(p.counts.users)}</Descriptions.Item>
          </Descriptions>
          <Button type="primary" style={{ marginTop: 12 }} disabled={commit.isPending} onClick={() => commit.mutate(p.importId)}>
            {commit.isPending ? '正在导入…' : '确认导入'}
          </Button>
        </div>
      )}
      {commit.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={`已导入：单位${count(commit.data.counts.units)}；用户${count(commit.data.counts.users)}`}
          description={
            commit.data.initialPasswords.length ? (
              <>
                新用户的初始密码（只显示这一次，请转交本人）：
                <ul>
                  {commit.data.initialPasswords.map((x) => (
                    <li key={x.username}>{`${x.username}：${x.password}`}</li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      )}
    </Section>
  );
}
