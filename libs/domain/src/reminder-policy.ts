import { clockMinutes, isClockTime } from './due-time';
import { DAY_MS, IsoDurationError, parseIsoDuration } from './iso-duration';

export const REMINDER_KINDS = ['remind', 'urge', 'escalate'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const AUDIENCES = ['responsible', 'lead', 'unit_head', 'supervisor', 'leader'] as const;
/** Who receives a reminder; the persistence layer resolves it (with a unit) to people. */
export type Audience = (typeof AUDIENCES)[number];

export const CHANNELS = ['email', 'inbox', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export type NoticeLevel = 'blue' | 'yellow' | 'red';

/** remind → blue 提醒, urge → yellow 催办, escalate → red 督办. */
export const NOTICE_LEVEL: Readonly<Record<ReminderKind, NoticeLevel>> = {
  remind: 'blue',
  urge: 'yellow',
  escalate: 'red',
};
export const NOTICE_LEVEL_LABEL: Readonly<Record<NoticeLevel, string>> = {
  blue: '提醒',
  yellow: '催办',
  red: '督办',
};

export function noticeLevelOf(kind: ReminderKind): NoticeLevel {
  return NOTICE_LEVEL[kind];
}

export interface PolicyStep {
  /** ISO-8601 duration relative to dueAt; negative = before ("-P7D", "PT0S", "P1D", "PT5S", "-PT2H"). */
  offset: string;
  kind: ReminderKind;
  audience: Audience;
  channels: Channel[];
}

export interface QuietHours {
  /** 'HH:MM' Asia/Shanghai; may wrap midnight (22:00–08:00). */
  start: string;
  end: string;
}

export interface ReminderPolicy {
  steps: PolicyStep[];
  quietHours?: QuietHours | null;
}

const MAIL_AND_INBOX: Channel[] = ['email', 'inbox'];

const step = (offset: string, kind: ReminderKind, audience: Audience): PolicyStep =>
  Object.freeze({ offset, kind, audience, channels: Object.freeze([...MAIL_AND_INBOX]) as Channel[] });

/** Frozen: copy it (parsePolicy) before editing. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  steps: Object.freeze([
    step('-P30D', 'remind', 'responsible'),
    step('-P7D', 'remind', 'responsible'),
    step('-P1D', 'remind', 'responsible'),
    step('PT0S', 'remind', 'lead'),
    step('P1D', 'urge', 'unit_head'),
    step('P3D', 'escalate', 'supervisor'),
    step('P7D', 'escalate', 'leader'),
  ]) as PolicyStep[],
  quietHours: null,
});

/** Offsets beyond a year either way are almost certainly typos. */
export const MAX_OFFSET_DAYS = 366;
export const MAX_POLICY_STEPS = 50;

export interface FieldError {
  /** Path in the request body, e.g. "steps[2].offset". */
  field: string;
  message: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

function unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: string, errors: FieldError[]): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) errors.push({ field: path ? `${path}.${key}` : key, message: 'unknown field' });
  }
}

/** Every problem of a policy body, each naming its field; empty when valid. For a 400 response. */
export function validatePolicy(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(input)) return [{ field: '', message: 'policy must be an object with steps' }];
  unknownKeys(input, ['steps', 'quietHours'], '', errors);
  const { steps, quietHours } = input;
  if (!Array.isArray(steps)) {
    errors.push({ field: 'steps', message: 'steps must be an array' });
  } else if (steps.length === 0) {
    errors.push({ field: 'steps', message: 'at least one step is required' });
  } else if (steps.length > MAX_POLICY_STEPS) {
    errors.push({ field: 'steps', message: `at most ${MAX_POLICY_STEPS} steps` });
  } else {
    const seen = new Map<string, number>();
    steps.forEach((step, i) => validateStep(step, `steps[${i}]`, errors, seen, i));
  }
  if (quietHours !== undefined && quietHours !== null) {
    if (!isPlainObject(quietHours)) {
      errors.push({ field: 'quietHours', message: 'quietHours must be {start, end} or null' });
    } else {
      unknownKeys(quietHours, ['start', 'end'], 'quietHours', errors);
      for (const k of ['start', 'end'] as const) {
        if (!isClockTime(quietHours[k])) errors.push({ field: `quietHours.${k}`, message: "must be a time 'HH:MM' (00:00–23:59)" });
      }
      if (isClockTime(quietHours.start) && quietHours.start === quietHours.end) {
        errors.push({ field: 'quietHours', message: 'start and end must differ' });
      }
    }
  }
  return errors;
}

function validateStep(
  step: unknown,
  path: string,
  errors: FieldError[],
  seen: Map<string, number>,
  index: number,
): void {
  if (!isPlainObject(step)) {
    errors.push({ field: path, message: 'step must be an object {offset, kind, audience, channels}' });
    return;
  }
  unknownKeys(step, ['offset', 'kind', 'audience', 'channels'], path, errors);
  let canonical: string | null = null;
  if (typeof step.offset !== 'string') {
    errors.push({ field: `${path}.offset`, message: 'offset must be an ISO-8601 duration string such as "-P7D"' });
  } else {
    try {
      const d = parseIsoDuration(step.offset);
      canonical = d.text;
      if (Math.abs(d.ms) > MAX_OFFSET_DAYS * DAY_MS) {
        errors.push({ field: `${path}.offset`, message: `offset must be within ${MAX_OFFSET_DAYS} days of the deadline` });
      }
    } catch (e) {
      if (!(e instanceof IsoDurationError)) throw e;
      errors.push({ field: `${path}.offset`, message: e.message });
    }
  }
  if (!oneOf(REMINDER_KINDS, step.kind)) {
    errors.push({ field: `${path}.kind`, message: `kind must be one of ${REMINDER_KINDS.join(', ')}` });
  }
  if (!oneOf(AUDIENCES, step.audience)) {
    errors.push({ field: `${path}.audience`, message: `audience must be one of ${AUDIENCES.join(', ')}` });
  }
  if (!Array.isArray(step.channels) || step.channels.length === 0) {
    errors.push({ field: `${path}.channels`, message: `channels must be a non-empty array of ${CHANNELS.join(', ')}` });
  } else {
    step.channels.forEach((c, j) => {
      if (!oneOf(CHANNELS, c)) errors.push({ field: `${path}.channels[${j}]`, message: `channel must be one of ${CHANNELS.join(', ')}` });
      else if (step.channels !== undefined && (step.channels as unknown[]).indexOf(c) !== j) {
        errors.push({ field: `${path}.channels[${j}]`, message: `duplicate channel ${c}` });
      }
    });
  }
  if (canonical !== null && oneOf(REMINDER_KINDS, step.kind) && oneOf(AUDIENCES, step.audience)) {
    const key = `${canonical}|${step.kind}|${step.audience}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ field: path, message: `duplicates steps[${first}] (same offset, kind and audience)` });
    } else {
      seen.set(key, index);
    }
  }
}

export class PolicyValidationError extends Error {
  override readonly name = 'PolicyValidationError';
  constructor(readonly errors: FieldError[]) {
    super(`invalid reminder policy: ${errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; ')}`);
  }
}

/** Validates and returns a typed copy, or throws PolicyValidationError listing every field error. */
export function parsePolicy(input: unknown): ReminderPolicy {
  const errors = validatePolicy(input);
  if (errors.length) throw new PolicyValidationError(errors);
  const p = input as ReminderPolicy;
  return {
    steps: p.steps.map((s) => ({ offset: s.offset, kind: s.kind, audience: s.audience, channels: [...s.channels] })),
    quietHours: p.quietHours ? { start: p.quietHours.start, end: p.quietHours.end } : null,
  };
}

/** Whether a minute-of-day (0–1440) falls inside quiet hours [start, end), wrapping midnight. */
export function inQuietHours(minute: number, quiet: QuietHours): boolean {
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
