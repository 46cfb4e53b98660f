import { Button } from 'antd';

/** Previous / next with the page in words: enough for lists read from the top. */
export function Pager({ page, pageSize, total, onChange, unit = '项' }: { page: number; pageSize: number; total: number; onChange(p: number): void; unit?: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" style={{ display: 'flex', gap: 12, alignItems: 'center', justifyContent: 'flex-end', marginTop: 12, flexWrap: 'wrap' }}>
      <span>
        共 {total} {unit}，第 {page} / {pages} 页
      </span>
      <Button disabled={page <= 1} onClick={() => onChange(page - 1)}>
        上一页
      </Button>
      <Button disabled={page >= pages} onClick={() => onChange(page + 1)}>
        下一页
      </Button>
    </nav>
  );
}
