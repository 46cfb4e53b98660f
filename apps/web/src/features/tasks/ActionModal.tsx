import { Alert, Button, Form, FormInstance, Modal } from 'antd';
import { ReactNode, useRef, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { newIdempotencyKey, TaskDetail } from './task-queries';

/** What TaskActions gives each of an item's dialogs: the item, and the dialog's open state. */
export interface ItemDialogProps {
  task: TaskDetail;
  open: boolean;
  onClose(): void;
}

interface Props<V> {
  /** Names the form: field ids become unique on a page with several dialogs. */
  name: string;
  title: string;
  okText: string;
  open: boolean;
  /** The dialog's own form unless the page fills or reads it (then the page's). */
  form?: FormInstance<V>;
  onClose(): void;
  /**
   * Resolves when the API took it; the form is cleared only then. `idempotencyKey` is one per thing
   * being written: a retry after a lost answer sends the same key, a success draws a new one.
   */
  onSubmit(values: V, idempotencyKey: string): Promise<unknown>;
  /** Said on success, and the dialog closes. */
  doneText?: string;
  onDone?(): void;
  children: ReactNode;
}

/**
 * A form in a dialog that never loses what was typed: a network error, a 5xx or a refusal keeps
 * the values (also when the dialog is closed and opened again); only a success clears them.
 * A stale item (409) says so — the page behind has already reloaded the item.
 */
export function ActionModal<V>({ name, title, okText, open, form: pageForm, onClose, onSubmit, doneText, onDone, children }: Props<V>) {
  const [ownForm] = Form.useForm<V>();
  const form = pageForm ?? ownForm;
  const { message } = useFeedback();
  const key = useRef(newIdempotencyKey());
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);
  const submit = async () => {
    if (sending.current) return; // a double click sends once
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields say what is missing
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values, key.current);
      key.current = newIdempotencyKey();
      form.resetFields();
      onDone?.();
      if (doneText) {
        void message.success(doneText);
        onClose();
      }
    } catch (e) {
      setError({ text: messageOf(e), stale: e instanceof ApiError && e.stale });
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        // A disabled button with its own words while sending (no spinner state to get stuck in).
        <Button key="ok" type="primary" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
          {busy ? `${okText}中…` : okText}
        </Button>,
      ]}
      forceRender
      destroyOnHidden={false}
      width={640}
    >
      {error && (
        <Alert
          type={error.stale ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={error.text}
          description={error.stale ? '请查看最新内容后再提交；您填写的内容已保留。' : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} name={name} layout="vertical" requiredMark="optional" onFinish={() => void submit()}>
        {children}
      </Form>
    </Modal>
  );
}
