import { ClockTime, DEFAULT_END_OF_DAY, dueAtFor, shanghaiDate } from './due-time';
import { trafficLight, TrafficLight } from './traffic-light';
import { addWorkdays, WorkCalendar } from './work-calendar';

export const ASSIGNMENT_ROLES = ['lead', 'responsible', 'assisting'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const ASSIGNMENT_STATUSES = ['assigned', 'acknowledged', 'in_progress', 'submitted'] as const;
/** One unit's own part of an item: submitted = the unit has done its part. */
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** A stored status as the domain's; anything else (never written: the domain rejects it) reads as assigned. */
export const asAssignmentStatus = (s: string): AssignmentStatus =>
  (ASSIGNMENT_STATUSES as readonly string[]).includes(s) ? (s as AssignmentStatus) : 'assigned';

export const DEFAULT_ACKNOWLEDGEMENT_WORKDAYS = 3;

const NEXT: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  assigned: ['acknowledged'],
  acknowledged: ['in_progress', 'submitted'],
  in_progress: ['submitted'],
  // A unit reopens its part when the item is returned (退回) or it must correct its report.
  submitted: ['in_progress'],
};

export type AssignmentTransitionResult =
  | { ok: true; status: AssignmentStatus }
  | { ok: false; message: string; allowed: readonly AssignmentStatus[] };

export function allowedAssignmentTransitions(status: AssignmentStatus): readonly AssignmentStatus[] {
  return NEXT[status];
}

export function transitionAssignment(current: AssignmentStatus, to: AssignmentStatus): AssignmentTransitionResult {
  const allowed = NEXT[current];
  if (allowed.includes(to)) return { ok: true, status: to };
  return { ok: false, allowed, message: `cannot go from ${current} to ${to}; allowed: ${allowed.join(', ')}` };
}

/** Progress is a whole percentage 0–100; returns an error message or null. */
export function progressError(progress: unknown): string | null {
  if (typeof progress !== 'number' || !Number.isInteger(progress) || progress < 0 || progress > 100) {
    return 'progress must be a whole number from 0 to 100';
  }
  return null;
}

/**
 * When a unit must have acknowledged (签收) its assignment: the end of the working day
 * `workdays` working days after the assignment date. Late acknowledgement is itself overdue.
 */
export function acknowledgementDueAt(
  assignedAt: Date,
  calendar: WorkCalendar,
  workdays = DEFAULT_ACKNOWLEDGEMENT_WORKDAYS,
  endOfDay: ClockTime = DEFAULT_END_OF_DAY,
): Date {
  if (!Number.isInteger(workdays) || workdays < 1) throw new RangeError('acknowledgement workdays must be a whole number >= 1');
  return dueAtFor(addWorkdays(calendar, shanghaiDate(assignedAt), workdays), endOfDay);
}

export function isAcknowledgementOverdue(
  a: { status: AssignmentStatus; assignedAt: Date; acknowledgedAt?: Date | null },
  now: Date,
  calendar: WorkCalendar,
  workdays = DEFAULT_ACKNOWLEDGEMENT_WORKDAYS,
): boolean {
  const due = acknowledgementDueAt(a.assignedAt, calendar, workdays);
  if (a.acknowledgedAt) return a.acknowledgedAt.getTime() > due.getTime();
  return a.status === 'assigned' && now.getTime() > due.getTime();
}

export interface AssignmentPart {
  unitId: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  progress: number;
}

export interface AssignmentPartView extends AssignmentPart {
  light: TrafficLight;
}

export interface LeadOverview {
  parts: AssignmentPartView[];
  /** Mean progress of lead and responsible parts (assisting parts are shown but not averaged). */
  progress: number;
  /** Every lead and responsible part is submitted: the lead can consolidate and submit the item. */
  readyToSubmit: boolean;
  /** The worst light among the parts. */
  light: TrafficLight;
}

const LIGHT_RANK: Record<TrafficLight, number> = { none: 0, green: 1, yellow: 2, red: 3 };

export function worstLight(lights: readonly TrafficLight[]): TrafficLight {
  return lights.reduce<TrafficLight>((w, l) => (LIGHT_RANK[l] > LIGHT_RANK[w] ? l : w), 'none');
}

/** What the lead unit sees: every unit's part with its own traffic light, and the roll-up. */
export function leadOverview(
  parts: readonly AssignmentPart[],
  item: { dueAt: Date; startAt: Date; now: Date; calendar: WorkCalendar; yellowWorkdays?: number },
): LeadOverview {
  const views = parts.map((p) => ({
    ...p,
    light: trafficLight({
      dueAt: item.dueAt,
      startAt: item.startAt,
      now: item.now,
      calendar: item.calendar,
      yellowWorkdays: item.yellowWorkdays,
      progress: p.progress,
      status: p.status === 'submitted' ? 'completed' : 'in_progress',
    }),
  }));
  const counted = parts.filter((p) => p.role !== 'assisting');
  const progress = counted.length ? Math.round(counted.reduce((s, p) => s + p.progress, 0) / counted.length) : 0;
  return {
    parts: views,
    progress,
    readyToSubmit: counted.length > 0 && counted.every((p) => p.status === 'submitted'),
    light: worstLight(views.map((v) => v.light)),
  };
}

