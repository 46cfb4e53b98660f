import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { hashPassword, Role, UserRepository } from '@app/persistence';
import { bullConnection, JOBS, QUEUES, WORKER_HEARTBEAT_KEY } from '@app/queue';
import { TEST_DATABASE_URL } from '../support/database';
import { ENTRY, runApp, Running } from '../support/processes';
import { SmtpSink, SmtpSinkOptions } from '../support/smtp-sink';
import { PASSWORD, startWorkflowApp, WorkflowApp } from '../support/workflow-app';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The reminder knobs of the tests, shared by the in-process API (its enqueuer) and the workers. */
export const FAST = {
  SWEEP_EVERY_SECONDS: '1',
  RETRY_BACKOFF_MS: '300',
  DELIVERY_ATTEMPTS: '5',
  DELIVERY_LEASE_SECONDS: '3',
  REMINDER_HORIZON_MINUTES: '120',
  WORKER_CONCURRENCY: '8',
};

export interface PolicyStep {
  offset: string;
  kind: 'remind' | 'urge' | 'escalate';
  audience: 'responsible' | 'lead' | 'unit_head' | 'supervisor' | 'leader';
  channels?: ('email' | 'inbox' | 'webhook')[];
}

export interface ReminderRow {
  id: string;
  key: string;
  kind: string;
  audience: string;
  unit_id: string | null;
  due_at: Date;
  state: string;
  attempts: number;
  late: boolean;
  last_error: string | null;
}

/**
 * The workflow API in-process, an SMTP sink, and worker child processes on the suite's own schema
 * and queue prefix: what every reminders suite needs.
 */
export class ReminderRig {
  readonly workers: Running[] = [];
  readonly redis: IORedis;
  readonly queue: Queue;

  private constructor(
    readonly w: WorkflowApp,
    readonly sink: SmtpSink,
    readonly settings: Record<string, string>,
  ) {
    this.redis = new IORedis(REDIS_URL);
    this.queue = new Queue(QUEUES.reminders, { connection: bullConnection(REDIS_URL), prefix: w.queuePrefix });
  }

  /** Deletes every key under this suite's queue prefix: what FLUSHALL does to one deployment. */
  async wipeRedis(): Promise<void> {
    const stream = this.redis.scanStream({ match: `${this.w.queuePrefix}:*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await this.redis.del(...keys);
  }

  static async start(settings: Record<string, string> = {}, sinkOptions: SmtpSinkOptions = {}): Promise<ReminderRig> {
    const sink = await SmtpSink.start(sinkOptions);
    const all = { ...FAST, ...settings };
    const w = await startWorkflowApp(all);
    const rig = new ReminderRig(w, sink, all);
    await w.http.put(`/plans/${w.planId}/supervisors`).set(rig.auth('admin')).send({ userIds: [w.userIds.sup], version: 1 }).expect(200);
    return rig;
  }

  get workerEnv(): Record<string, string> {
    return {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: this.w.schema,
      QUEUE_PREFIX: this.w.queuePrefix,
      REDIS_URL,
      SMTP_URL: this.sink.url,
      LOG_LEVEL: 'warn',
      ...this.settings,
    };
  }

  /** Starts a worker process and waits for its heartbeat (it is consuming by then). */
  async startWorker(extra: Record<string, string> = {}): Promise<Running> {
    const worker = runApp(ENTRY.worker, { ...this.workerEnv, ...extra });
    this.workers.push(worker);
    const key = `${this.w.queuePrefix}:${WORKER_HEARTBEAT_KEY}:${hostname()}:${worker.proc.pid}`;
    let exited = false;
    void worker.exited.then(() => (exited = true));
    await waitUntil(async () => {
      if (exited) throw new Error(`worker exited at start: ${worker.stderr()} ${worker.stdout().slice(-2000)}`);
      return (await this.redis.exists(key)) === 1;
    }, 120_000, 'worker heartbeat'); // a worker boots in seconds alone, in tens of them on a loaded machine
    return worker;
  }

  async stopWorker(worker: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (worker.proc.exitCode === null && worker.proc.signalCode === null) worker.proc.kill(signal);
    await worker.exited;
  }

  auth(user: string) {
    return { Authorization: `Bearer ${this.w.tokens[user]}` };
  }

  /** Adds a user (the seed has one unit head, in 市科技局). */
  async addUser(username: string, unit: string | null, roles: Role[], opts: { dailyDigest?: boolean } = {}): Promise<string> {
    const { user } = await this.w.app.get(UserRepository).createIfMissing({
      username,
      displayName: username,
      email: `${username}@example.test`,
      passwordHash: await hashPassword(PASSWORD),
      unitId: unit ? this.w.unitIds[unit] : null,
      roles,
    });
    if (opts.dailyDigest) await this.w.ds.query(`UPDATE users SET daily_digest = true WHERE id = $1`, [user.id]);
    this.w.userIds[username] = user.id;
    const res = await this.w.http.post('/auth/login').send({ username, password: PASSWORD }).expect(200);
    this.w.tokens[username] = res.body.accessToken;
    return user.id;
  }

  async setPolicy(steps: PolicyStep[]): Promise<void> {
    const cur = await this.w.http.get(`/plans/${this.w.planId}/reminder-policy`).set(this.auth('sup')).expect(200);
    await this.w.http
      .put(`/plans/${this.w.planId}/reminder-policy`)
      .set(this.auth('sup'))
      .send({ policy: { steps: steps.map((s) => ({ channels: ['email', 'inbox'], ...s })), quietHours: null }, version: cur.body.version })
      .expect(200);
  }

  async version(taskId: string): Promise<number> {
    return (await this.w.http.get(`/tasks/${taskId}`).set(this.auth('admin')).expect(200)).body.version;
  }

  async setDue(taskId: string, dueAt: Date): Promise<void> {
    await this.w.http
      .patch(`/tasks/${taskId}`)
      .set(this.auth('sup'))
      .send({ dueAt: dueAt.toISOString(), version: await this.version(taskId) })
      .expect(200);
  }

  /** Reminder rows of a task for deadline policy steps (not acknowledgement or report cycles). */
  async reminders(taskId: string, states?: string[]): Promise<ReminderRow[]> {
    return this.w.ds.query(
      `SELECT id, key, kind, audience, unit_id, due_at, state, attempts, late, last_error FROM reminders
        WHERE task_id = $1 AND reason = 'deadline' AND ($2::text[] IS NULL OR state = ANY($2::text[]))
        ORDER BY due_at, key`,
      [taskId, states ?? null],
    );
  }

  email(user: string): string {
    return `${user}@example.test`;
  }

  /** Mails the sink received, per recipient user name (only the users given). */
  mailCounts(users: string[]): Record<string, number> {
    return Object.fromEntries(users.map((u) => [u, this.sink.to(this.email(u)).length]));
  }

  /** Sink messages per reminder and recipient ("<reminder id> <address>" → count), by the X-Duban-Reminder header. */
  mailsPerReminder(): Map<string, number> {
    const out = new Map<string, number>();
    for (const m of this.sink.messages) {
      const id = m.headers['x-duban-reminder'];
      if (!id) continue;
      for (const to of m.to) out.set(`${id} ${to}`, (out.get(`${id} ${to}`) ?? 0) + 1);
    }
    return out;
  }

  /** E-mail deliveries recorded for these reminders ("<reminder id> <address>"), sorted. */
  async recordedEmails(reminderIds: string[]): Promise<string[]> {
    const rows: { reminder_id: string; recipient: string }[] = await this.w.ds.query(
      `SELECT reminder_id, recipient FROM notifications WHERE reminder_id = ANY($1::uuid[]) AND channel = 'email' ORDER BY 1, 2`,
      [reminderIds],
    );
    return rows.map((r) => `${r.reminder_id} ${r.recipient.toLowerCase()}`);
  }

  /** Runs the digest job now and waits until a worker has finished it. */
  async runDigest(): Promise<void> {
    const job = await this.queue.add(JOBS.digest, {}, { removeOnComplete: false, removeOnFail: false });
    await waitUntil(async () => {
      const state = await job.getState();
      if (state === 'failed') throw new Error(`the digest job failed: ${(await this.queue.getJob(job.id!))?.failedReason}`);
      return state === 'completed';
    }, 20_000, 'the digest job done');
  }

  /**
   * Waits until `upTo` has passed and no delivery job due by then is left in the queue (waiting,
   * delayed or running): nothing due by then can be sent any more, so "sent once" and "sent nothing"
   * are checked on the queue's state, not after a guessed pause.
   */
  async drained(upTo = new Date(), timeoutMs = 20_000): Promise<void> {
    await waitUntil(async () => {
      if (Date.now() < upTo.getTime()) return false;
      const jobs = await this.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized']);
      return !jobs.some((j) => j?.name === JOBS.deliver && j.timestamp + j.delay <= upTo.getTime());
    }, timeoutMs + Math.max(0, upTo.getTime() - Date.now()), 'no delivery job due left in the queue');
  }

  async close(): Promise<void> {
    for (const worker of this.workers) await this.stopWorker(worker, 'SIGTERM').catch(() => undefined);
    await this.queue.obliterate({ force: true }).catch(() => undefined);
    await this.queue.close();
    this.redis.disconnect();
    await this.w.close();
    await this.sink.stop();
  }
}

/** Polls `cond` every 100 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(cond: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
