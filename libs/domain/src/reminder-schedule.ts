import { addDays, diffDays, IsoDate } from './calendar-date';
import { AssignmentRole, AssignmentStatus, DEFAULT_ACKNOWLEDGEMENT_WORKDAYS, acknowledgementDueAt } from './assignment-state';
import { ClockTime, DEFAULT_END_OF_DAY, dueAtFor, minutesOfDay, shanghaiDate, zonedInstant } from './due-time';
import { DAY_MS, IsoDuration, parseIsoDuration } from './iso-duration';
import { cycleDates, ProgressCycle } from './progress-cycle';
import {
  Audience,
  Channel,
  inQuietHours,
  noticeLevelOf,
  NoticeLevel,
  PolicyStep,
  QuietHours,
  ReminderKind,
  ReminderPolicy,
} from './reminder-policy';
import { TaskStatus } from './task-state';
import { addWorkdays, previousWorkdayOnOrBefore, WorkCalendar } from './work-calendar';

/** Day-or-more reminders are delivered at this Asia/Shanghai time on a working day. */
export const REMINDER_TIME: ClockTime = '09:00';

/** Task statuses that get reminders. Submitted items wait for the supervisor; suspended ones are paused. */
export const REMINDED_STATUSES: readonly TaskStatus[] = ['assigned', 'acknowledged', 'in_progress', 'returned'];
/** Step statuses that close a step: no reminders for it. */
export const CLOSED_STEP_STATUSES: readonly string[] = ['completed', 'cancelled'];

export interface ScheduleTask {
  id: string;
  dueAt: Date;
  status: TaskStatus;
  createdAt: Date;
  acknowledgedAt?: Date | null;
}

export interface ScheduleStep {
  id: string;
  dueAt: Date;
  status: string;
}

export interface ScheduleAssignment {
  unitId: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  /** When the unit was assigned; defaults to the task's createdAt. Acknowledgement is due from here. */
  assignedAt?: Date | null;
  /**
   * Assigned without notice (批量指派, 不通知): the unit's reminders due before this instant were never due
   * for it, as reminders before the item existed were never due for anyone; later ones are sent as usual.
   */
  quietBefore?: Date | null;
}

export interface ScheduleInput {
  task: ScheduleTask;
  steps?: readonly ScheduleStep[];
  assignments: readonly ScheduleAssignment[];
  policy: ReminderPolicy;
  calendar: WorkCalendar;
  /** Working days a unit has to acknowledge (签收). Default 3. */
  acknowledgementDueWorkdays?: number;
  progressCycle?: ProgressCycle | null;
  /** Latest progress report per unitId. */
  lastProgressAt?: Readonly<Record<string, Date | null | undefined>>;
  /** End of the working day for acknowledgement and progress-report deadlines. Default 18:00. */
  endOfDay?: ClockTime;
}

export type ReminderReason = 'deadline' | 'acknowledgement' | 'progress_cycle';

export interface PlannedReminder {
  /**
   * Deterministic: `${taskId}:${stepId|-}:${source}:${audience}:${unitId|-}` where source is the policy
   * step's canonical offset and kind ("-P7D.remind"), "ack.remind"/"ack.urge", or
   * "cycle.remind.<date>"/"cycle.overdue.<date>". Recomputing gives the same keys; a moved deadline
   * changes dueAt only, a reassigned unit changes the key.
   */
  key: string;
  taskId: string;
  stepId: string | null;
  kind: ReminderKind;
  audience: Audience;
  unitId: string | null;
  channels: Channel[];
  dueAt: Date;
  noticeLevel: NoticeLevel;
  reason: ReminderReason;
}

const UNIT_AUDIENCES: readonly Audience[] = ['responsible', 'unit_head', 'lead'];
const REMINDER_CHANNELS: Channel[] = ['email', 'inbox'];

/** Moves an instant inside quiet hours to the end of the quiet period (Asia/Shanghai). */
export function applyQuietHours(at: Date, quiet: QuietHours | null | undefined): Date {
  if (!quiet) return at;
  const minute = minutesOfDay(at);
  if (!inQuietHours(minute, quiet)) return at;
  const date = shanghaiDate(at);
  const wraps = quiet.start > quiet.end;
  const endDate = wraps && minute >= toMinutes(quiet.start) ? addDays(date, 1) : date;
  return zonedInstant(endDate, quiet.end);
}

function toMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

/**
 * When a policy step fires for a deadline. Offsets under a day are exact (dueAt + offset).
 * A day or more before: the date of dueAt + offset, moved back to a working day, at 09:00.
 * A day or more after: the nth working day after the deadline's date (P1D = the first), at 09:00.
 */
export function policyStepInstant(dueAt: Date, offset: IsoDuration, calendar: WorkCalendar): Date {
  if (Math.abs(offset.ms) < DAY_MS) return new Date(dueAt.getTime() + offset.ms);
  let date: IsoDate;
  if (offset.ms < 0) {
    date = previousWorkdayOnOrBefore(calendar, shanghaiDate(new Date(dueAt.getTime() + offset.ms)));
  } else {
    date = addWorkdays(calendar, shanghaiDate(dueAt), Math.floor(offset.ms / DAY_MS));
  }
  return zonedInstant(date, REMINDER_TIME);
}

/** Units an audience reaches: unit audiences fan out per unit, supervisor/leader have no unit. */
function unitsFor(audience: Audience, assignments: readonly ScheduleAssignment[]): (string | null)[] {
  if (!UNIT_AUDIENCES.includes(audience)) return [null];
  const leads = assignments.filter((a) => a.role === 'lead');
  let chosen: readonly ScheduleAssignment[];
  if (audience === 'lead') {
    chosen = leads.length ? leads : assignments;
  } else {
    // Assisting units (协办/配合) help but owe nothing, so deadlines are not theirs to be urged on.
    // Units whose part is done are not reminded; if every part is done the lead still owes the item.
    const open = assignments.filter((a) => a.role !== 'assisting' && a.status !== 'submitted');
    chosen = open.length ? open : leads;
  }
  return [...new Set(chosen.map((a) => a.unitId))];
}

/** A policy step with its offset parsed and its key source ("-P7D.remind"). */
interface PreparedStep {
  step: PolicyStep;
  offset: IsoDuration;
  source: string;
  /** The step's offset and kind as parsed: a cached entry is stale when they changed. */
  text: string;
}

/**
 * Policy steps parsed once per steps array, not once per item (a re-plan computes thousands of items
 * under one policy). A cached entry is used only while the array still holds the same step objects
 * with the same offsets and kinds, so a policy edited in place is parsed again.
 */
const PREPARED = new WeakMap<readonly PolicyStep[], PreparedStep[]>();

function preparedSteps(steps: readonly PolicyStep[]): PreparedStep[] {
  const cached = PREPARED.get(steps);
  if (cached && cached.length === steps.length && cached.every((p, i) => p.step === steps[i] && p.text === steps[i].offset + ' ' + steps[i].kind)) {
    return cached;
  }
  const out = steps.map((step) => {
    const offset = parseIsoDuration(step.offset);
    return { step, offset, source: `${offset.text}.${step.kind}`, text: step.offset + ' ' + step.kind };
  });
  PREPARED.set(steps, out);
  return out;
}

/**
 * Every reminder an item should get, computed from scratch. Reminders already in the past are
 * returned too (the engine sends missed ones late); ones before the item existed are not.
 */
export function computeReminders(input: ScheduleInput, now: Date): PlannedReminder[] {
  const { task, policy, calendar } = input;
  if (!REMINDED_STATUSES.includes(task.status)) return [];
  const out = new Map<string, PlannedReminder>();
  const quietBefore = new Map(input.assignments.filter((a) => a.quietBefore).map((a) => [a.unitId, a.quietBefore!.getTime()]));
  const add = (r: Omit<PlannedReminder, 'key' | 'noticeLevel' | 'taskId' | 'dueAt'> & { source: string; at: Date }) => {
    const dueAt = applyQuietHours(r.at, policy.quietHours);
    if (dueAt.getTime() < task.createdAt.getTime()) return;
    if (r.unitId && dueAt.getTime() < (quietBefore.get(r.unitId) ?? 0)) return;
    const key = `${task.id}:${r.stepId ?? '-'}:${r.source}:${r.audience}:${r.unitId ?? '-'}`;
    const existing = out.get(key);
    if (existing) {
      // Two identical policy steps: one reminder on the union of channels, at the earlier time.
      existing.channels = [...new Set([...existing.channels, ...r.channels])];
      if (dueAt < existing.dueAt) existing.dueAt = dueAt;
      return;
    }
    out.set(key, {
      key,
      taskId: task.id,
      stepId: r.stepId,
      kind: r.kind,
      audience: r.audience,
      unitId: r.unitId,
      channels: [...r.channels],
      dueAt,
      noticeLevel: noticeLevelOf(r.kind),
      reason: r.reason,
    });
  };

  const prepared = preparedSteps(policy.steps);
  const targets: { stepId: string | null; dueAt: Date }[] = [
    { stepId: null, dueAt: task.dueAt },
    ...(input.steps ?? []).filter((s) => !CLOSED_STEP_STATUSES.includes(s.status)).map((s) => ({ stepId: s.id, dueAt: s.dueAt })),
  ];
  // The units an audience reaches depend on the item's assignments only: once per audience.
  const unitsOf = new Map<Audience, (string | null)[]>();
  for (const target of targets) {
    for (const { step, offset, source } of prepared) {
      const at = policyStepInstant(target.dueAt, offset, calendar);
      let units = unitsOf.get(step.audience);
      if (!units) unitsOf.set(step.audience, (units = unitsFor(step.audience, input.assignments)));
      for (const unitId of units) {
        add({ stepId: target.stepId, kind: step.kind, audience: step.audience, channels: step.channels, unitId, source, at, reason: 'deadline' });
      }
    }
  }

  addAcknowledgementReminders(input, add);
  addProgressCycleReminders(input, now, add);

  return [...out.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type Add = (r: {
  stepId: string | null;
  kind: ReminderKind;
  audience: Audience;
  unitId: string | null;
  channels: Channel[];
  source: string;
  at: Date;
  reason: ReminderReason;
}) => void;

/**
 * A unit that has not acknowledged (签收) gets a reminder at 09:00 on the working day before its
 * acknowledgement deadline (on the deadline day itself when it has one working day), and its head an
 * urge at the deadline (end of the Nth working day after assignment).
 */
function addAcknowledgementReminders(input: ScheduleInput, add: Add): void {
  const n = input.acknowledgementDueWorkdays ?? DEFAULT_ACKNOWLEDGEMENT_WORKDAYS;
  const endOfDay = input.endOfDay ?? DEFAULT_END_OF_DAY;
  for (const a of input.assignments) {
    if (a.status !== 'assigned') continue;
    const assignedAt = a.assignedAt ?? input.task.createdAt;
    const remindDate = addWorkdays(input.calendar, shanghaiDate(assignedAt), Math.max(1, n - 1));
    const base = { stepId: null, unitId: a.unitId, channels: REMINDER_CHANNELS, reason: 'acknowledgement' as const };
    add({
      ...base,
      kind: 'remind',
      audience: a.role === 'lead' ? 'lead' : 'responsible',
      source: 'ack.remind',
      at: zonedInstant(remindDate, REMINDER_TIME),
    });
    add({
      ...base,
      kind: 'urge',
      audience: 'unit_head',
      source: 'ack.urge',
      at: acknowledgementDueAt(assignedAt, input.calendar, n, endOfDay),
    });
  }
}

/**
 * Progress-report cycles, kept to the present: for each lead or responsible unit that is working on
 * the item, a reminder at 09:00 on the next report day after `now`, and an urge to its head on the
 * first working day after the latest past report day when it has not reported since the period began.
 * Report days that are not working days move back to the working day before; only report days after
 * the item was created and before its deadline count. Past cycles drop out as time moves on.
 */
function addProgressCycleReminders(input: ScheduleInput, now: Date, add: Add): void {
  const cycle = input.progressCycle;
  if (!cycle) return;
  const { task, calendar } = input;
  const endOfDay = input.endOfDay ?? DEFAULT_END_OF_DAY;
  const today = shanghaiDate(now);
  const created = shanghaiDate(task.createdAt);
  const deadline = shanghaiDate(task.dueAt);
  const from = diffDays(created, addDays(today, -200)) > 0 ? addDays(today, -200) : created;
  const to = diffDays(addDays(today, 100), deadline) > 0 ? addDays(today, 100) : deadline;
  const occurrences = cycleDates(cycle, from, to)
    .map((date) => {
      const reportDay = previousWorkdayOnOrBefore(calendar, date);
      return { date, reportDay, dueAt: dueAtFor(reportDay, endOfDay) };
    })
    .filter((o) => o.dueAt > task.createdAt && o.dueAt < task.dueAt);
  const next = occurrences.find((o) => o.dueAt > now);
  const pastIndex = occurrences.findLastIndex((o) => o.dueAt <= now);
  const past = pastIndex >= 0 ? occurrences[pastIndex] : undefined;
  const periodStart = pastIndex > 0 ? occurrences[pastIndex - 1].dueAt : task.createdAt;

  const units = input.assignments.filter(
    (a) => a.role !== 'assisting' && (a.status === 'acknowledged' || a.status === 'in_progress'),
  );
  for (const unitId of new Set(units.map((a) => a.unitId))) {
    const base = { stepId: null, unitId, channels: REMINDER_CHANNELS, reason: 'progress_cycle' as const };
    if (next) {
      add({ ...base, kind: 'remind', audience: 'responsible', source: `cycle.remind.${next.date}`, at: zonedInstant(next.reportDay, REMINDER_TIME) });
    }
    const last = input.lastProgressAt?.[unitId];
    if (past && (!last || last <= periodStart)) {
      add({
        ...base,
        kind: 'urge',
        audience: 'unit_head',
        source: `cycle.overdue.${past.date}`,
        at: zonedInstant(addWorkdays(calendar, past.reportDay, 1), REMINDER_TIME),
      });
    }
  }
}
