// Without dayjs, so the boot script (boot/workbench-shell.ts) can show dates as the app does.
// China keeps UTC+8 all year (no summer time since 1991): a fixed offset is exact for every date shown.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** "2027年3月31日" for an instant, in Shanghai; "—" for none. */
export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return '—';
  const t = new Date((typeof d === 'string' ? Date.parse(d) : d.getTime()) + SHANGHAI_OFFSET_MS);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
}
