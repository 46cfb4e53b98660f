import type { WorkbenchTab } from './task-queries';

/** The 工作台's tabs, in order, with what an empty one says (the page and the boot script's copy of it). */
export const WORKBENCH_TAB_LABELS: { key: WorkbenchTab; label: string; empty: string }[] = [
  { key: 'to_acknowledge', label: '待签收', empty: '没有待签收的事项' },
  { key: 'in_progress', label: '办理中', empty: '没有办理中的事项' },
  { key: 'returned', label: '被退回', empty: '没有被退回的事项' },
  { key: 'due_soon', label: '临期', empty: '没有临近期限的事项' },
  { key: 'overdue', label: '超期', empty: '没有超期事项' },
  { key: 'mine', label: '分给我', empty: '没有分办给您的事项' },
  { key: 'all', label: '全部', empty: '本单位暂无事项' },
];
