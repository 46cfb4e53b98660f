import { Input } from 'antd';
import { useId, useState } from 'react';

/** A reason the other side will read (退回, 驳回): kept while the decision is retried, required only for that decision. */
export function useReason() {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    text,
    missing,
    /** The trimmed reason, or null after marking the field as missing. */
    require: (): string | null => {
      const t = text.trim();
      if (!t) setMissing(true);
      return t || null;
    },
    clear: () => setText(''),
    field: (label: string, missingText: string, rows = 3) => <ReasonField label={label} missingText={missingText} rows={rows} value={text} missing={missing} onChange={(v) => (setText(v), v.trim() && setMissing(false))} />,
  };
}

function ReasonField({ label, missingText, rows, value, missing, onChange }: { label: string; missingText: string; rows: number; value: string; missing: boolean; onChange(v: string): void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <Input.TextArea
        id={id}
        rows={rows}
        value={value}
        maxLength={2000}
        status={missing ? 'error' : undefined}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {missing && (
        <div id={`${id}-error`} className="field-error" role="alert">
          {missingText}
        </div>
      )}
    </>
  );
}
