import { Injectable } from '@nestjs/common';
import { UnitCandidate, unitReach } from '@app/domain';
import { RepositoryBase } from '../db/repository';

export interface DueReminder {
  id: string;
  dueAt: Date;
  /**
   * Set for a reminder whose sender died holding it (expired lease): the dead worker's job may still
   * sit in Redis as active, so the retry needs a job id of its own (see ReminderJobs).
   */
  retryOf?: number;
}

/** Everything a delivery needs, read in one query when the row is claimed. */
export interface ClaimedReminder {
  id: string;
  key: string;
  taskId: string;
  stepId: string | null;
  unitId: string | null;
  kind: 'remind' | 'urge' | 'escalate';
  audience: 'responsible' | 'lead' | 'unit_head' | 'supervisor' | 'leader';
  reason: 'deadline' | 'acknowledgement' | 'progress_cycle' | 'manual';
  noticeLevel: 'blue' | 'yellow' | 'red';
  channels: ('email' | 'inbox' | 'webhook')[];
  dueAt: Date;
  attempts: number;
  /** The supervisor's words of a 催办 by hand. */
  note: string | null;
}

/** A claim: the reminder and the attempt number that owns it. */
export type Claim = Pick<ClaimedReminder, 'id' | 'attempts'>;

export interface DeliveryContext {
  planId: string;
  planTitle: string;
  taskCode: string;
  taskTitle: string;
  taskStatus: string;
  /** The item's deadline in force (a reminder's own time is when it is sent). */
  taskDueAt: Date;
  stepText: string | null;
  unitName: string | null;
  unitWebhook: { url: string; format: string } | null;
}

export interface Recipient {
  userId: string;
  displayName: string;
  email: string | null;
  unitId: string | null;
  dailyDigest: boolean;
}

/** A unit person as the claiming statement reads them: a recipient, and why they may be one (unitRecipients). */
export type UnitPerson = Recipient & UnitCandidate;

/** A claimed reminder with everything its delivery reads, fetched by the claiming statement itself. */
export interface ClaimedDelivery {
  reminder: ClaimedReminder;
  /** Null when the item no longer exists. */
  context: DeliveryContext | null;
  /** For the unit audiences, the unit's people and its named 承办人 (unitRecipients picks); else null. */
  people: UnitPerson[] | null;
  /** `${channel} ${recipient}` already recorded for this reminder (by an earlier, partly failed attempt). */
  delivered: Set<string>;
}

/** One delivery to record with the reminder's final state (see settle). */
export interface DeliveryRecord {
  userId: string | null;
  channel: 'inbox' | 'email' | 'webhook';
  recipient: string;
  subject: string;
  body: string;
}

/** How an attempt ends: sent, released for a retry (enqueued), failed for good, or cancelled (item closed). */
export type DeliveryEnd = { state: 'sent'; late: boolean; recipients: number } | { state: 'enqueued' | 'failed' | 'cancelled'; error: string };

/** The claim a settlement ends, with what its delivery rows repeat. */
export type SettleClaim = Claim & { taskId: string; unitId: string | null; noticeLevel: string };

/** One attempt's end for settleMany: its claim, the deliveries it made, and the state it moves to. */
export interface Settlement {
  claim: SettleClaim;
  records: readonly DeliveryRecord[];
  end: DeliveryEnd;
}

/** The claimed row as the claiming UPDATE (alias r) returns it. */
const CLAIMED_COLUMNS = `r.id, r.key, r.task_id AS "taskId", r.step_id AS "stepId", r.unit_id AS "unitId", r.kind, r.audience, r.reason,
  r.notice_level AS "noticeLevel", r.channels, r.due_at AS "dueAt", r.attempts, r.note`;

const CLAIMABLE = `(r.state IN ('pending', 'enqueued') OR (r.state = 'sending' AND r.claimed_until < now()))`;
const NAMED = `(SELECT a.assignee_id FROM assignments a WHERE a.task_id = c."taskId" AND a.unit_id = c."unitId" AND a.assignee_id IS NOT NULL)`;

/** The claiming UPDATE (CTE c) of the locked rows l among `ids`, for `lease` milliseconds (both parameters). */
const CLAIM_CTE = (ids: string, lease: string) => `c AS (
         UPDATE reminders r
            SET state = 'sending', attempts = r.attempts + 1, claimed_until = now() + (${lease} || ' milliseconds')::interval,
                updated_at = now()
           FROM l
          WHERE r.id = l.id AND r.id = ANY(${ids}::uuid[]) AND ${CLAIMABLE}
          RETURNING ${CLAIMED_COLUMNS})`;

/** What a delivery reads about each claimed row c: the item, the unit's candidate recipients, what was delivered. */
const CLAIM_SELECT = `SELECT c.*, p.id AS "planId", p.title AS "planTitle", t.code AS "taskCode", t.title AS "taskTitle", t.status AS "taskStatus",
              t.due_at AS "taskDueAt", s.text AS "stepText", un.name AS "unitName", un.webhook AS "unitWebhook",
              (SELECT coalesce(array_agg(n.channel || ' ' || n.recipient), '{}') FROM notifications n WHERE n.reminder_id = c.id) AS delivered,
              CASE WHEN c.audience IN ('responsible', 'lead', 'unit_head') THEN (
                SELECT coalesce(json_agg(json_build_object(
                         'userId', u.id, 'displayName', u.display_name, 'email', u.email, 'unitId', u.unit_id, 'dailyDigest', u.daily_digest,
                         'assignee', u.id IN ${NAMED}, 'inUnit', coalesce(u.unit_id = c."unitId", false),
                         'staff', 'staff' = ANY(u.roles), 'head', 'unit_head' = ANY(u.roles)) ORDER BY u.username), '[]')
                  FROM users u
                 WHERE u.active AND ((u.unit_id = c."unitId" AND u.roles && ARRAY['staff', 'unit_head']::text[]) OR u.id IN ${NAMED}))
              END AS people
         FROM c
         LEFT JOIN tasks t ON t.id = c."taskId"
         LEFT JOIN plans p ON p.id = t.plan_id
         LEFT JOIN steps s ON s.id = c."stepId"
         LEFT JOIN units un ON un.id = c."unitId"`;

type ClaimRow = ClaimedReminder & DeliveryContext & { delivered: string[]; people: UnitPerson[] | null };

/** The claimed rows in the order of `ids`: null where not claimed, and for an id after its first place. */
function claimsFor(ids: readonly string[], rows: readonly ClaimRow[]): (ClaimedDelivery | null)[] {
  const byId = new Map<string, ClaimedDelivery>();
  for (const row of rows) {
    const { planId, planTitle, taskCode, taskTitle, taskStatus, taskDueAt, stepText, unitName, unitWebhook, delivered, people, ...reminder } = row;
    byId.set(reminder.id, {
      reminder,
      context: taskCode === null ? null : { planId, planTitle, taskCode, taskTitle, taskStatus, taskDueAt, stepText, unitName, unitWebhook },
      people,
      delivered: new Set(delivered),
    });
  }
  // Postgres prints uuids in lower case; a claim goes to the first asker of its id only.
  return ids.map((id) => {
    const key = id.toLowerCase();
    const claimed = byId.get(key) ?? null;
    byId.delete(key);
    return claimed;
  });
}

/** The deliveries' inserts (n) and the ends as rows (e), from settleParams' $1–$15. */
const SETTLE_CTES = `n AS (
         INSERT INTO notifications (reminder_id, user_id, unit_id, task_id, channel, recipient, subject, body, notice_level)
         SELECT r, u, un, t, ch, rc, sj, bd, nl
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                AS x(r, u, un, t, ch, rc, sj, bd, nl)
         ON CONFLICT (reminder_id, channel, recipient) WHERE reminder_id IS NOT NULL DO NOTHING),
       e AS (SELECT * FROM unnest($10::uuid[], $11::int[], $12::text[], $13::text[], $14::boolean[], $15::int[]) AS e(id, attempts, state, error, late, recipients))`;

/** Each end's state, on its locked row (l) while its claim is still ours. */
const SETTLE_UPDATE = `UPDATE reminders r
          SET state = e.state, claimed_until = NULL, last_error = e.error, updated_at = now(),
              sent_at = CASE WHEN e.state = 'sent' THEN now() ELSE r.sent_at END,
              late = CASE WHEN e.state = 'sent' THEN e.late ELSE r.late END,
              recipients = CASE WHEN e.state = 'sent' THEN e.recipients ELSE r.recipients END
         FROM e, l
        WHERE r.id = e.id AND l.id = e.id AND r.state = 'sending' AND r.attempts = e.attempts`;

function settleParams(settles: readonly Settlement[]): unknown[] {
  const records = settles.flatMap((x) => x.records.map((d) => ({ d, c: x.claim })));
  const ends = settles.map(({ end }) => (end.state === 'sent' ? { ...end, error: null } : { ...end, late: false, recipients: 0, error: end.error.slice(0, 2000) }));
  return [
    records.map((x) => x.c.id),
    records.map((x) => x.d.userId),
    records.map((x) => x.c.unitId),
    records.map((x) => x.c.taskId),
    records.map((x) => x.d.channel),
    records.map((x) => x.d.recipient),
    records.map((x) => x.d.subject),
    records.map((x) => x.d.body),
    records.map((x) => x.c.noticeLevel),
    settles.map((x) => x.claim.id),
    settles.map((x) => x.claim.attempts),
    ends.map((x) => x.state),
    ends.map((x) => x.error),
    ends.map((x) => x.late),
    ends.map((x) => x.recipients),
  ];
}

/**
 * The reminder rows as the delivery side sees them. The database is the source of truth: Redis only
 * holds jobs for the near future, and every state change here is one conditional UPDATE so two
 * workers can never both own a reminder.
 */
@Injectable()
export class ReminderRepository extends RepositoryBase {
  /**
   * Live reminders due before `until`, plus those whose sender died holding them (expired lease),
   * oldest first, a page at a time after the cursor (the last row of the previous page).
   */
  async dueBefore(until: Date, limit: number, after: DueReminder | null = null): Promise<DueReminder[]> {
    const rows: { id: string; due_at: Date; state: string; attempts: number }[] = await this.m.query(
      `SELECT id, due_at, state, attempts FROM reminders
        WHERE ((state IN ('pending', 'enqueued') AND due_at <= $1) OR (state = 'sending' AND claimed_until < now()))
          AND ($3::timestamptz IS NULL OR (due_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY due_at, id LIMIT $2`,
      [until, limit, after?.dueAt ?? null, after?.id ?? null],
    );
    return rows.map((r) => (r.state === 'sending' ? { id: r.id, dueAt: r.due_at, retryOf: r.attempts } : { id: r.id, dueAt: r.due_at }));
  }

  /** Live reminders of some tasks due before `until` (what a change must enqueue at once). */
  async dueBeforeForTasks(taskIds: string[], until: Date): Promise<DueReminder[]> {
    if (taskIds.length === 0) return [];
    const rows: { id: string; due_at: Date }[] = await this.m.query(
      `SELECT id, due_at FROM reminders
        WHERE task_id = ANY($1::uuid[]) AND state IN ('pending', 'enqueued') AND due_at <= $2`,
      [taskIds, until],
    );
    return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
  }

  /** Pending reminders due before `until`, soonest first (what a commit made due soon). */
  async pendingDueBefore(until: Date, limit: number): Promise<DueReminder[]> {
    const rows: { id: string; due_at: Date }[] = await this.m.query(
      `SELECT id, due_at FROM reminders WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [until, limit],
    );
    return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
  }

  /**
   * 催办 by hand: one urge row per unit, due now, inside the caller's transaction; the commit hook
   * (ReminderEnqueuer) puts them into the queue, and delivery is the same as a planned urge's.
   */
  async insertManualUrges(rows: { key: string; taskId: string; unitId: string }[], note: string | null, channels: string[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const out = (await this.m.query(
      `INSERT INTO reminders (key, task_id, unit_id, kind, audience, reason, notice_level, channels, due_at, note)
       SELECT k, t, u, 'urge', 'responsible', 'manual', 'yellow', $4::text[], now(), $5
         FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS x(k, t, u)
       RETURNING id`,
      [rows.map((r) => r.key), rows.map((r) => r.taskId), rows.map((r) => r.unitId), channels, note],
    )) as { id: string }[];
    return out.map((r) => r.id);
  }

  /** What the templates need about the item a reminder is for, read in one query. */
  async deliveryContext(r: { taskId: string; stepId: string | null; unitId: string | null }): Promise<DeliveryContext | null> {
    const rows = (await this.m.query(
      `SELECT p.id AS "planId", p.title AS "planTitle", t.code AS "taskCode", t.title AS "taskTitle",
              t.status AS "taskStatus", t.due_at AS "taskDueAt", s.text AS "stepText", u.name AS "unitName", u.webhook AS "unitWebhook"
         FROM tasks t
         JOIN plans p ON p.id = t.plan_id
         LEFT JOIN steps s ON s.id = $2
         LEFT JOIN units u ON u.id = $3
        WHERE t.id = $1`,
      [r.taskId, r.stepId, r.unitId],
    )) as DeliveryContext[];
    return rows[0] ?? null;
  }

  async markEnqueued(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.m.query(
      `UPDATE reminders SET state = 'enqueued', updated_at = now() WHERE id = ANY($1::uuid[]) AND state = 'pending'`,
      [ids],
    );
  }

  /** One reminder's claim: see claimManyForDelivery. */
  async claimForDelivery(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    return (await this.claimManyForDelivery([id], leaseMs))[0];
  }

  /**
   * Takes reminders for one delivery attempt each, in one statement, and reads in the same statement
   * what every delivery needs: the item, the unit's candidate recipients and what was already
   * delivered. The answer is parallel to `ids`: null where the reminder is not ours to send (already
   * sent, cancelled, or held by another worker whose lease has not run out), and for an id repeated
   * in `ids` after its first place (one claim per reminder). The rows are locked in id order, so two
   * workers claiming overlapping batches queue behind each other instead of deadlocking.
   */
  async claimManyForDelivery(ids: readonly string[], leaseMs: number): Promise<(ClaimedDelivery | null)[]> {
    if (ids.length === 0) return [];
    const rows = (await this.m.query(
      // The lock takes the rows by primary key alone (with the state test too the planner may scan the
      // whole due index); the UPDATE tests the state on the locked rows.
      `WITH l AS (SELECT r.id FROM reminders r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id FOR UPDATE),
       ${CLAIM_CTE('$1', '$2')}
       ${CLAIM_SELECT}`,
      [ids, String(leaseMs)],
    )) as ClaimRow[];
    return claimsFor(ids, rows);
  }

  /**
   * Ends some attempts and starts others in one statement: settleMany's and claimManyForDelivery's
   * statements as parts of one (one round trip and one commit instead of two), each row under its own
   * conditions as in theirs. All rows are locked together in id order. A reminder both settled and
   * claimed here is settled first, by the two statements in that order (one statement would update
   * the row twice, which PostgreSQL does not order). The answer is claimManyForDelivery's.
   */
  async settleAndClaim(settles: readonly Settlement[], ids: readonly string[], leaseMs: number): Promise<(ClaimedDelivery | null)[]> {
    const settled = new Set(settles.map((x) => x.claim.id.toLowerCase()));
    if (settles.length === 0 || ids.length === 0 || ids.some((id) => settled.has(id.toLowerCase()))) {
      await this.settleMany(settles);
      return this.claimManyForDelivery(ids, leaseMs);
    }
    const rows = (await this.m.query(
      `WITH ${SETTLE_CTES},
       l AS (SELECT r.id FROM reminders r WHERE r.id = ANY($10::uuid[] || $16::uuid[]) ORDER BY r.id FOR UPDATE),
       ended AS (${SETTLE_UPDATE}),
       ${CLAIM_CTE('$16', '$17')}
       ${CLAIM_SELECT}`,
      [...settleParams(settles), ids, String(leaseMs)],
    )) as ClaimRow[];
    return claimsFor(ids, rows);
  }

  /** One attempt's end: see settleMany. */
  async settle(claim: SettleClaim, records: readonly DeliveryRecord[], end: DeliveryEnd): Promise<void> {
    await this.settleMany([{ claim, records, end }]);
  }

  /**
   * Records attempts' deliveries and ends their claims in one statement: the inbox rows and the mails
   * that went out are recorded whatever the outcome (so no retry sends them again), and each state
   * moves only while its claim is still ours (`attempts` fences a worker that lost its lease). Rows
   * are locked in id order, as claimManyForDelivery does.
   */
  async settleMany(settles: readonly Settlement[]): Promise<void> {
    if (settles.length === 0) return;
    await this.m.query(
      `WITH ${SETTLE_CTES},
       l AS (SELECT r.id FROM reminders r WHERE r.id = ANY($10::uuid[]) ORDER BY r.id FOR UPDATE)
       ${SETTLE_UPDATE}`,
      settleParams(settles),
    );
  }

  /**
   * Extends the hold of a claim still ours (`attempts` is the claim's fencing token: a worker whose
   * lease ran out and was taken over cannot write over the new owner). False when it is not ours.
   */
  async renew(claim: Claim, leaseMs: number): Promise<boolean> {
    const [, n] = (await this.m.query(
      `UPDATE reminders SET claimed_until = now() + ($3 || ' milliseconds')::interval
        WHERE id = $1 AND state = 'sending' AND attempts = $2`,
      [claim.id, claim.attempts, String(leaseMs)],
    )) as [unknown, number];
    return n > 0;
  }

  /** Retry on demand (GET /reminders/failed → POST /reminders/:id/retry). */
  async requeueFailed(id: string): Promise<boolean> {
    const [, n] = (await this.m.query(
      `UPDATE reminders SET state = 'pending', updated_at = now() WHERE id = $1 AND state = 'failed'`,
      [id],
    )) as [unknown, number];
    return n > 0;
  }

  /**
   * Users a reminder reaches, by audience: staff of the unit (or the 承办人 it named, see unitReach in
   * libs/domain), its heads, plan supervisors, leaders.
   */
  async recipients(r: Pick<ClaimedReminder, 'audience' | 'unitId' | 'taskId' | 'kind'>): Promise<Recipient[]> {
    const cols = `u.id AS "userId", u.display_name AS "displayName", u.email, u.unit_id AS "unitId", u.daily_digest AS "dailyDigest"`;
    switch (r.audience) {
      case 'responsible':
      case 'lead': {
        const assignee: Recipient[] = await this.m.query(
          `SELECT ${cols} FROM assignments a JOIN users u ON u.id = a.assignee_id AND u.active WHERE a.task_id = $1 AND a.unit_id = $2`,
          [r.taskId, r.unitId],
        );
        const reach = unitReach(r.kind, assignee.length > 0);
        if (reach === 'assignee') return assignee;
        if (reach === 'assignee_and_unit') {
          const everyone: Recipient[] = await this.m.query(
            `SELECT ${cols} FROM users u WHERE u.active AND u.unit_id = $1 AND u.roles && ARRAY['staff', 'unit_head']::text[] ORDER BY u.username`,
            [r.unitId],
          );
          return [...assignee, ...everyone.filter((p) => p.userId !== assignee[0].userId)];
        }
        // Staff do the work; a unit without staff accounts is reached through its heads.
        const staff = await this.m.query(
          `SELECT ${cols} FROM users u WHERE u.active AND u.unit_id = $1 AND 'staff' = ANY(u.roles) ORDER BY u.username`,
          [r.unitId],
        );
        if (staff.length) return staff;
        return this.m.query(
          `SELECT ${cols} FROM users u WHERE u.active AND u.unit_id = $1 AND 'unit_head' = ANY(u.roles) ORDER BY u.username`,
          [r.unitId],
        );
      }
      case 'unit_head':
        return this.m.query(
          `SELECT ${cols} FROM users u WHERE u.active AND u.unit_id = $1 AND 'unit_head' = ANY(u.roles) ORDER BY u.username`,
          [r.unitId],
        );
      case 'supervisor':
        return this.m.query(
          `SELECT ${cols} FROM users u
             JOIN plan_supervisors ps ON ps.user_id = u.id
             JOIN tasks t ON t.plan_id = ps.plan_id
            WHERE t.id = $1 AND u.active ORDER BY u.username`,
          [r.taskId],
        );
      case 'leader':
        return this.m.query(`SELECT ${cols} FROM users u WHERE u.active AND 'leader' = ANY(u.roles) ORDER BY u.username`);
      default: {
        const never: never = r.audience;
        throw new Error(`unknown audience ${String(never)}`);
      }
    }
  }

  /**
   * Records one delivery; false when this reminder already reached this recipient on this channel
   * (a retry after a partial failure must not send to the ones already served).
   */
  async recordDelivery(d: {
    reminderId: string | null;
    userId: string | null;
    unitId: string | null;
    taskId: string | null;
    channel: string;
    recipient: string;
    subject: string;
    body: string;
    noticeLevel: string | null;
  }): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO notifications (reminder_id, user_id, unit_id, task_id, channel, recipient, subject, body, notice_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (reminder_id, channel, recipient) WHERE reminder_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [d.reminderId, d.userId, d.unitId, d.taskId, d.channel, d.recipient, d.subject, d.body, d.noticeLevel],
    );
    return rows.length > 0;
  }
}
