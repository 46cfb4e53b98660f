import type { AssignmentRole } from './assignment-state';
import { REMINDED_STATUSES } from './reminder-schedule';
import type { TaskStatus } from './task-state';

/** The reason a reminder row carries when a supervisor urged the item by hand (POST /tasks/urge). */
export const MANUAL_URGE_REASON = 'manual';

export interface UrgeablePart {
  unitId: string;
  role: AssignmentRole;
  status: string;
}

/**
 * Which units a 催办 by hand reaches: the lead and responsible units whose part is still open (assisting
 * units owe no deadline, and a unit that submitted its part has done it). An item that is not open
 * (awaiting review, completed, suspended, cancelled) has nobody to urge: the answer names why.
 */
export function urgeTargets(status: TaskStatus, parts: UrgeablePart[]): { unitIds: string[] } | { refused: string } {
  if (!REMINDED_STATUSES.includes(status)) return { refused: `事项当前状态不需要催办（${URGE_STATUS_WORDS[status] ?? status}）` };
  const unitIds = parts.filter((p) => p.role !== 'assisting' && p.status !== 'submitted').map((p) => p.unitId);
  if (unitIds.length === 0) return { refused: '事项没有尚未办结的牵头或责任单位' };
  return { unitIds };
}

const URGE_STATUS_WORDS: Partial<Record<TaskStatus, string>> = {
  submitted: '待审核',
  completed: '已办结',
  suspended: '已暂停',
  cancelled: '已撤销',
};

/** The schedule key of a hand-made urge: unique per urge and unit, never one the planner computes. */
export const manualUrgeKey = (urgeId: string, taskId: string, unitId: string) => `manual:${urgeId}:${taskId}:${unitId}`;
