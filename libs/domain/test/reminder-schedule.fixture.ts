// Shared by the reminder-schedule specs: the calendar, Shanghai times and a base schedule input.
import { dueAtFor } from '../src/due-time';
import { DEFAULT_REMINDER_POLICY, PolicyStep, ReminderPolicy } from '../src/reminder-policy';
import { ScheduleInput, ScheduleTask } from '../src/reminder-schedule';
import { TaskStatus } from '../src/task-state';
import { cal } from './chinese-days.fixture';

export { cal };
export const sh = (local: string) => new Date(`${local}+08:00`);
export const ch = ['email', 'inbox'] as PolicyStep['channels'];
export const policyOf = (...steps: [string, PolicyStep['kind'], PolicyStep['audience']][]): ReminderPolicy => ({
  steps: steps.map(([offset, kind, audience]) => ({ offset, kind, audience, channels: [...ch] })),
});

/** Task T1, due at the end of `dueDate`, created at `createdAt` (Shanghai local time). */
export const taskT1 = (dueDate: string, status: TaskStatus, createdAt: string): ScheduleTask => ({
  id: 'T1',
  dueAt: dueAtFor(dueDate),
  status,
  createdAt: sh(createdAt),
});

export const base = (patch: Partial<ScheduleInput> = {}): ScheduleInput => ({
  task: taskT1('2026-05-31', 'in_progress', '2026-01-05T10:00'),
  steps: [],
  assignments: [{ unitId: 'U1', role: 'lead', status: 'in_progress' }],
  policy: DEFAULT_REMINDER_POLICY,
  calendar: cal,
  ...patch,
});
export const now = sh('2026-04-01T10:00');

