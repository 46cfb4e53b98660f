// Reminder engine at scale: schedule computation and storage, Redis memory after a sweep, and the
// e-mail delivery rate, each against a baseline measured in the same run.
// Run: npx ts-node -T -r tsconfig-paths/register bench/scheduler/scheduler.bench.ts [sizes] [mails]
//   sizes: comma-separated task counts (default 10000,100000); mails: deliveries timed (default 2000);
//   parts: comma-separated subset of schedule,baseline,sweep,mail,replan (default all).
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). Loopback only: it starts
// its own redis-server on a free port and an in-process SMTP sink.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Env, validateEnv } from '@app/config';
import { SmtpMailer } from '@app/notifications';
import { Db, DEFAULT_PLANNER_SETTINGS, Journal, openDataSource, ReminderPlanner, ReminderRepository, WorkCalendarRepository } from '@app/persistence';
import { bullConnection, QUEUES, ReminderJobs } from '@app/queue';
import { ReminderDeliveryService } from '../../apps/worker/src/reminders/reminder-delivery.service';
import { freePort } from '../../test/support/processes';
import { SmtpSink } from '../../test/support/smtp-sink';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const MAILS = Number(process.argv[3] ?? 2000);
/** Which measurements to run (the per-task INSERT baseline alone takes ~40 min at 100k on a busy machine). */
const PARTS = new Set((process.argv[4] ?? 'schedule,baseline,sweep,mail,replan').split(','));
const BATCH = 500; // tasks per transaction
const NEAR = 200; // tasks whose deadline falls within the next two hours, whatever the size
const HORIZON_MIN = 120;
const CONCURRENCY = 10; // as WORKER_CONCURRENCY's default

/** Short offsets are exact (no working-day rounding near now), so what is due in 2 h is deterministic. */
const POLICY = {
  steps: [
    { offset: '-P7D', kind: 'remind', audience: 'responsible', channels: ['email', 'inbox'] },
    { offset: '-PT1H', kind: 'remind', audience: 'responsible', channels: ['email', 'inbox'] },
    { offset: 'PT0S', kind: 'remind', audience: 'lead', channels: ['email', 'inbox'] },
    { offset: 'P1D', kind: 'urge', audience: 'unit_head', channels: ['email', 'inbox'] },
  ],
  quietHours: null,
};

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * CPU time (s) of this process and of the PostgreSQL backends serving its pool (found by the pool's
 * application_name, read from /proc), so a figure taken on the shared machine says what the work
 * costs, not only how long it waited for a core.
 */
class CpuMeter {
  private constructor(
    private readonly ds: DataSource,
    private readonly app: string,
    private readonly node: NodeJS.CpuUsage,
    private readonly pg: Map<number, number>,
  ) {}

  private static async backends(ds: DataSource, app: string): Promise<Map<number, number>> {
    const pids: { pid: number }[] = await ds.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app]);
    const out = new Map<number, number>();
    for (const { pid } of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks of 1/100 s
      } catch {
        // not on this machine (a remote database): PostgreSQL CPU is not counted
      }
    }
    return out;
  }

  static async start(ds: DataSource, app: string): Promise<CpuMeter> {
    return new CpuMeter(ds, app, process.cpuUsage(), await CpuMeter.backends(ds, app));
  }

  async read(): Promise<{ node: number; pg: number }> {
    const node = process.cpuUsage(this.node);
    const now = await CpuMeter.backends(this.ds, this.app);
    let pg = 0;
    for (const [pid, s] of now) pg += s - (this.pg.get(pid) ?? 0);
    return { node: (node.user + node.system) / 1e6, pg };
  }
}

const cpuText = (c: { node: number; pg: number }) => `CPU node ${fmt(c.node, 1)} s + PostgreSQL ${fmt(c.pg, 1)} s`;

/**
 * Statistics as autovacuum leaves them a minute after a bulk write. Without it, PostgreSQL plans the
 * planner's `= ANY` reads on a freshly filled table as if it were nearly empty (whole-table scans per
 * page): at 100k items that tripled PostgreSQL's CPU for a re-plan (17 s instead of 6 s for the
 * calendar change), which is the bench's artefact, not what an office that imported its plans earlier sees.
 */
async function analyze(ds: DataSource, after: string): Promise<void> {
  const t0 = performance.now();
  await ds.query(`ANALYZE tasks, assignments, steps, plans, reminders`);
  console.log(`ANALYZE after ${after}: ${fmt((performance.now() - t0) / 1000, 1)} s`);
}

async function withSchema<T>(work: (ds: DataSource, schema: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const c = new Client({ connectionString: DB_URL });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  // The schema names the pool's connections too (CpuMeter finds its backends by it).
  const url = `${DB_URL}${DB_URL.includes('?') ? '&' : '?'}application_name=${schema}`;
  const ds = await openDataSource({ url, schema, poolSize: CONCURRENCY + 2 });
  try {
    return await work(ds, schema);
  } finally {
    await ds.destroy();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
}

/** 40 units with a staff member and a head each, one plan, n tasks with a lead and a responsible unit. */
async function seed(ds: DataSource, n: number): Promise<void> {
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 40) i`);
  await ds.query(
    `INSERT INTO users (username, display_name, email, password_hash, unit_id, roles)
     SELECT u.code || r, u.name || r, u.code || r || '@bench.test', 'x', u.id, ARRAY[r]
       FROM units u CROSS JOIN unnest(ARRAY['staff', 'unit_head']) r`,
  );
  await ds.query(
    `INSERT INTO plans (title, year, period_start, period_end, content_hash, reminder_policy)
     VALUES ('基准计划', 2026, date '2026-01-01', date '2026-12-31', 'bench', $1)`,
    [JSON.stringify(POLICY)],
  );
  // NEAR items fall due within the next two hours; the rest between 10 and 310 days ahead.
  await ds.query(
    `INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, created_at)
     SELECT p.id, 'T' || i, '事项' || i, d, d, 'acknowledged', now()
       FROM plans p, generate_series(1, $1::int) i,
            LATERAL (SELECT CASE WHEN i <= $2 THEN now() + interval '5 minutes' + (i % 110) * interval '1 minute'
                                 ELSE now() + interval '10 days' + (i % 300) * interval '1 day' + (i % 97) * interval '7 minutes' END AS d) x`,
    [n, NEAR],
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, status)
     SELECT t.id, u.ids[1 + (substr(t.code, 2)::int % 40)], 'lead', 'acknowledged' FROM tasks t, u
     UNION ALL
     SELECT t.id, u.ids[1 + ((substr(t.code, 2)::int + 7) % 40)], 'responsible', 'acknowledged' FROM tasks t, u`,
  );
}

/** Schedules every task through ReminderPlanner.recomputeMany, BATCH tasks per call and transaction. */
type Cpu = { node: number; pg: number };

async function schedule(ds: DataSource, app: string): Promise<{ rows: number; seconds: number; cpu: Cpu }> {
  const ids: string[] = (await ds.query(`SELECT id FROM tasks ORDER BY code`)).map((r: { id: string }) => r.id);
  const db = Db.standalone(ds);
  const planner = new ReminderPlanner(db, DEFAULT_PLANNER_SETTINGS, new WorkCalendarRepository(db));
  const now = new Date();
  const meter = await CpuMeter.start(ds, app);
  const t0 = performance.now();
  let rows = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    await db.transaction(async () => {
      rows += (await planner.recomputeMany(ids.slice(i, i + BATCH), now)).created;
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { rows, seconds, cpu: await meter.read() };
}

/**
 * The two plan-wide re-plans, each in one transaction as the API runs them: a working-day calendar
 * change (a weekday 40 days ahead becomes a local rest day: Journal.calendarEvent, every open item of
 * every plan) and a reminder-policy change (the −P7D step becomes −P5D: Journal.planEvent).
 */
async function replan(ds: DataSource, app: string): Promise<{ calendar: { tasks: number; seconds: number; cpu: Cpu }; policy: { tasks: number; seconds: number; cpu: Cpu } }> {
  const db = Db.standalone(ds);
  const calendars = new WorkCalendarRepository(db);
  const journal = new Journal(db, new ReminderPlanner(db, DEFAULT_PLANNER_SETTINGS, calendars), calendars);
  const [{ day }] = (await ds.query(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(current_date + 40, current_date + 50, interval '1 day') d
      WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT date FROM calendar_days) ORDER BY d LIMIT 1`,
  )) as { day: string }[];
  let meter = await CpuMeter.start(ds, app);
  let t0 = performance.now();
  const calendarTasks = await db.transaction(async () => {
    await calendars.touchYears([Number(day.slice(0, 4))], { source: 'admin' });
    await calendars.upsertDays([{ date: day, kind: 'local_rest', name: '基准休息日', source: 'admin' }]);
    return journal.calendarEvent({ added: [day], removed: [] });
  });
  const calendarSeconds = (performance.now() - t0) / 1000;
  const calendarCpu = await meter.read();
  const [{ id: planId }] = (await ds.query(`SELECT id FROM plans LIMIT 1`)) as { id: string }[];
  const policy = { ...POLICY, steps: POLICY.steps.map((s) => (s.offset === '-P7D' ? { ...s, offset: '-P5D' } : s)) };
  meter = await CpuMeter.start(ds, app);
  t0 = performance.now();
  const policyTasks = await db.transaction(async () => {
    await db.manager.query(`UPDATE plans SET reminder_policy = $2 WHERE id = $1`, [planId, JSON.stringify(policy)]);
    return journal.planEvent('plan.policy_changed', planId, { field: 'reminderPolicy' });
  });
  const policySeconds = (performance.now() - t0) / 1000;
  return {
    calendar: { tasks: calendarTasks, seconds: calendarSeconds, cpu: calendarCpu },
    policy: { tasks: policyTasks, seconds: policySeconds, cpu: await meter.read() },
  };
}

type TaskRows = { tasks: string[]; keys: string[]; steps: (string | null)[]; units: (string | null)[]; kinds: string[]; audiences: string[];
  reasons: string[]; levels: string[]; channels: string[]; dues: Date[] };

/** One task's arrays after another: a whole batch as one INSERT. */
const merge = (page: TaskRows[]): TaskRows => {
  const out: TaskRows = { tasks: [], keys: [], steps: [], units: [], kinds: [], audiences: [], reasons: [], levels: [], channels: [], dues: [] };
  for (const r of page) for (const k of Object.keys(out) as (keyof TaskRows)[]) (out[k] as unknown[]).push(...r[k]);
  return out;
};

/**
 * The baselines: only the writes — the same rows into a copy of the table, same batching, either one
 * multi-row INSERT per task (the "plain INSERTs", as the planner used to write them) or one
 * per batch of BATCH tasks (the fastest plain INSERT: what the planner writes now). The ratio is what
 * reading, computing and diffing cost on top. `withKeys` gives the copy the foreign keys the real
 * table has (task, step, unit: PostgreSQL checks and key-share-locks the parent row of every row
 * inserted), which `LIKE` does not copy: the same rows into the same kind of table.
 */
async function baseline(ds: DataSource, app: string, perBatch: boolean, withKeys = false): Promise<{ rows: number; seconds: number; cpu: Cpu }> {
  await ds.query(`DROP TABLE IF EXISTS reminders_baseline`);
  await ds.query(`CREATE TABLE reminders_baseline (LIKE reminders INCLUDING DEFAULTS INCLUDING INDEXES)`);
  if (withKeys) {
    await ds.query(
      `ALTER TABLE reminders_baseline ADD FOREIGN KEY (task_id) REFERENCES tasks (id), ADD FOREIGN KEY (step_id) REFERENCES steps (id),
         ADD FOREIGN KEY (unit_id) REFERENCES units (id)`,
    );
  }
  const rows: TaskRows[] = await ds.query(
    `SELECT array_agg(task_id) AS tasks, array_agg(key) AS keys, array_agg(step_id) AS steps, array_agg(unit_id) AS units, array_agg(kind) AS kinds,
            array_agg(audience) AS audiences, array_agg(reason) AS reasons, array_agg(notice_level) AS levels,
            array_agg(array_to_string(channels, ',')) AS channels, array_agg(due_at) AS dues
       FROM reminders GROUP BY task_id`,
  );
  let n = 0;
  const meter = await CpuMeter.start(ds, app);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    await ds.transaction(async (m) => {
      const page = rows.slice(i, i + BATCH);
      for (const r of perBatch ? [merge(page)] : page) {
        await m.query(
          `INSERT INTO reminders_baseline (key, task_id, step_id, unit_id, kind, audience, reason, notice_level, channels, due_at)
           SELECT k, t, s, u, kd, a, rs, nl, string_to_array(c, ','), d
             FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
                  AS x(k, t, s, u, kd, a, rs, nl, c, d)`,
          [r.keys, r.tasks, r.steps, r.units, r.kinds, r.audiences, r.reasons, r.levels, r.channels, r.dues],
        );
        n += r.keys.length;
      }
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { rows: n, seconds, cpu: await meter.read() };
}

async function startRedis(): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--maxmemory-policy', 'noeviction', '--dir', mkdtempSync(join(tmpdir(), 'duban-bench-redis-')),
  ], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const probe = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch {
      probe.disconnect();
      if (i > 50) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, proc };
}

const usedMemory = async (r: IORedis) => Number(/used_memory:(\d+)/.exec(await r.info('memory'))![1]);

/** One sweep (the worker's: dueBefore pages → ReminderJobs.enqueue → markEnqueued) with a 2 h horizon. */
async function sweepMemory(ds: DataSource, redisUrl: string, prefix: string): Promise<{ jobs: number; bytes: number }> {
  const redis = new IORedis(redisUrl);
  const queue = new Queue(QUEUES.reminders, { connection: bullConnection(redisUrl), prefix });
  await queue.waitUntilReady();
  const before = await usedMemory(redis);
  const reminders = new ReminderRepository(Db.standalone(ds));
  const jobs = new ReminderJobs(queue, { attempts: 5, backoffMs: 30_000 });
  const now = new Date();
  const until = new Date(now.getTime() + HORIZON_MIN * 60_000);
  let total = 0;
  let cursor = null;
  for (;;) {
    const due = await reminders.dueBefore(until, 1000, cursor);
    await jobs.enqueue(due, now.getTime());
    await reminders.markEnqueued(due.map((d) => d.id));
    total += due.length;
    if (due.length < 1000) break;
    cursor = due[due.length - 1];
  }
  const after = await usedMemory(redis);
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
  return { jobs: total, bytes: after - before };
}

type MailRates = { batched: number; unbatched: number; raw: number; mails: number; rounds: string[]; cpu: Record<'raw' | 'unbatched' | 'batched', Cpu> };
const MAIL_ROUNDS = 5;

/**
 * BENCH_PROFILE=<path>:<dir> (path raw, unbatched or batched) writes a V8 CPU profile of that path's
 * timed rounds alone into dir (one .cpuprofile per round; bench/scheduler/profile-summary.js sums them),
 * so the delivery path can be profiled without the seed, the schedule and the other paths in the picture
 * (the profiler slows the profiled path: rates and ratios of such a run are not comparable).
 */
const PROFILE = process.env.BENCH_PROFILE ? { path: process.env.BENCH_PROFILE.split(':')[0], dir: process.env.BENCH_PROFILE.split(':').slice(1).join(':') } : null;

async function profiled<T>(name: string, round: number, work: () => Promise<T>): Promise<T> {
  if (!PROFILE || PROFILE.path !== name) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(PROFILE.dir, `${name}-${round + 1}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Mails/s of three paths over MAILS messages each: raw pooled `sendMail`; the delivery path with one
 * claim and one settle statement per reminder (DELIVERY_BATCH_SIZE=1, how it delivered before
 * batching); the delivery path as configured by default (claims and settles batched across the
 * concurrent deliveries). Same SMTP sink, same concurrency (CONCURRENCY at a time), same pooled
 * transport settings (5 connections, warmed), the same message. The machine is shared, so the paths
 * take turns in MAIL_ROUNDS rounds (order rotating) and each rate is its total over the rounds: a
 * burst of someone else's load falls on all three.
 */
async function mailRates(ds: DataSource, sink: SmtpSink, app: string): Promise<MailRates> {
  const ids: string[] = (
    await ds.query(`SELECT id FROM reminders WHERE state IN ('pending', 'enqueued') AND audience = 'responsible' ORDER BY due_at DESC LIMIT $1`, [2 * MAILS])
  ).map((r: { id: string }) => r.id);
  if (ids.length < 2 * MAILS) throw new Error(`only ${ids.length} reminders to deliver, ${2 * MAILS} needed`);
  const env = (extra: Record<string, string>): Env => validateEnv({ SMTP_URL: sink.url, DELIVERY_LEASE_SECONDS: '120', ...extra });
  const from = env({}).MAIL_FROM;
  const mailer = new SmtpMailer(sink.url, from);
  const repo = new ReminderRepository(Db.standalone(ds));
  const unbatched = new ReminderDeliveryService(repo, mailer, env({ DELIVERY_BATCH_SIZE: '1' }));
  const batched = new ReminderDeliveryService(repo, mailer, env({}));
  const pool = async (n: number, work: (i: number) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await work(next++);
    }));
  };
  const raw = createTransport({ url: sink.url, pool: true, maxConnections: 5 } as Parameters<typeof createTransport>[0]);
  // The message the delivery path renders for these reminders, sent as is by the raw path.
  const text = '单位1staff：\n\n您好！以下责任事项提醒，请及时办理：\n\n督办等级：蓝色提醒\n所属方案：基准计划\n责任事项：T1 事项1\n责任单位：单位1\n完成时限：2026年1月1日 18:00\n当前状态：距完成时限还有 99 天\n\n查看与报送进展：http://localhost:3000/tasks/00000000-0000-0000-0000-000000000000\n\n督办系统（Duban）自动发送，请勿直接回复。';
  const rawSend = (i: number) =>
    raw.sendMail({ from, to: `u${i % 40}staff@bench.test`, subject: '【蓝色提醒】T1 事项1 — 距完成时限还有 99 天', text, html: `<div>${text}</div>`, headers: { 'X-Duban-Reminder': ids[i] } });
  // Warm both transports (connections) and both code paths before timing.
  await pool(50, rawSend);
  await pool(50, (i) => mailer.send({ to: `warm${i}@bench.test`, subject: '预热', text: '预热' }));
  sink.clear();

  const todo = { unbatched: ids.slice(0, MAILS), batched: ids.slice(MAILS) };
  const seconds = { raw: 0, unbatched: 0, batched: 0 };
  const cpu: MailRates['cpu'] = { raw: { node: 0, pg: 0 }, unbatched: { node: 0, pg: 0 }, batched: { node: 0, pg: 0 } };
  const rounds: string[] = [];
  const paths: { name: keyof typeof seconds; run: (n: number) => Promise<unknown> }[] = [
    { name: 'raw', run: (n) => pool(n, rawSend) },
    { name: 'unbatched', run: (n) => { const part = todo.unbatched.splice(0, n); return pool(part.length, (i) => unbatched.deliver(part[i], { isLast: true })); } },
    { name: 'batched', run: (n) => { const part = todo.batched.splice(0, n); return pool(part.length, (i) => batched.deliver(part[i], { isLast: true })); } },
  ];
  for (let round = 0; round < MAIL_ROUNDS; round++) {
    const n = Math.floor(MAILS / MAIL_ROUNDS) + (round < MAILS % MAIL_ROUNDS ? 1 : 0);
    const line: string[] = [];
    for (let k = 0; k < paths.length; k++) {
      const path = paths[(round + k) % paths.length];
      const meter = await CpuMeter.start(ds, app);
      const t0 = performance.now();
      await profiled(path.name, round, () => path.run(n));
      const s = (performance.now() - t0) / 1000;
      seconds[path.name] += s;
      const used = await meter.read();
      cpu[path.name].node += used.node;
      cpu[path.name].pg += used.pg;
      if (sink.messages.length !== n) throw new Error(`${path.name} sent ${sink.messages.length} of ${n}`);
      sink.clear();
      line.push(`${path.name} ${fmt(n / s)}`);
    }
    rounds.push(line.join(', '));
  }
  raw.close();
  await mailer.close();
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND state = 'sent'`, [ids]);
  if (n !== ids.length) throw new Error(`${n} of ${ids.length} reminders marked sent`);
  return { raw: MAILS / seconds.raw, unbatched: MAILS / seconds.unbatched, batched: MAILS / seconds.batched, mails: MAILS, rounds, cpu };
}

async function main() {
  const redis = await startRedis();
  const sink = await SmtpSink.start();
  try {
    console.log(`scheduler bench: sizes ${SIZES.join(', ')}; batches of ${BATCH} tasks per transaction; horizon ${HORIZON_MIN} min`);
    const memory: string[] = [];
    let mails: MailRates | null = null;
    for (const n of SIZES) {
      await withSchema(async (ds, schema) => {
        const t0 = performance.now();
        await seed(ds, n);
        console.log(`${fmt(n)} tasks seeded (plan, units, users, tasks, assignments) in ${fmt((performance.now() - t0) / 1000, 1)} s`);
        await analyze(ds, 'the seed');
        const s = await schedule(ds, schema);
        if (PARTS.has('baseline')) {
          const b = await baseline(ds, schema, false);
          const bb = await baseline(ds, schema, true);
          const bk = await baseline(ds, schema, true, true);
          console.log(
            `${fmt(n)} tasks: ${fmt(s.rows)} reminder rows in ${fmt(s.seconds, 1)} s = ${fmt(s.rows / s.seconds)} rows/s ` +
              `(${fmt(n / s.seconds)} tasks/s); plain INSERT of the same ${fmt(b.rows)} rows, one per task: ${fmt(b.seconds, 1)} s = ${fmt(b.rows / b.seconds)} rows/s, ` +
              `ratio planner/baseline ${fmt(b.seconds / s.seconds, 2)}; one INSERT per ${BATCH} tasks: ${fmt(bb.seconds, 1)} s = ${fmt(bb.rows / bb.seconds)} rows/s, ` +
              `ratio ${fmt(bb.seconds / s.seconds, 2)}`,
          );
          const total = (c: Cpu) => c.node + c.pg;
          console.log(
            `  CPU: planner ${cpuText(s.cpu)}; one INSERT per task ${cpuText(b.cpu)} (CPU ratio ${fmt(total(b.cpu) / total(s.cpu), 2)}); ` +
              `one per ${BATCH} tasks ${cpuText(bb.cpu)} (CPU ratio ${fmt(total(bb.cpu) / total(s.cpu), 2)})`,
          );
          console.log(
            `  one INSERT per ${BATCH} tasks into a copy with the table's foreign keys: ${fmt(bk.seconds, 1)} s = ${fmt(bk.rows / bk.seconds)} rows/s, ` +
              `ratio ${fmt(bk.seconds / s.seconds, 2)}; ${cpuText(bk.cpu)} (CPU ratio ${fmt(total(bk.cpu) / total(s.cpu), 2)})`,
          );
        } else {
          console.log(`${fmt(n)} tasks: ${fmt(s.rows)} reminder rows in ${fmt(s.seconds, 1)} s = ${fmt(s.rows / s.seconds)} rows/s (${fmt(n / s.seconds)} tasks/s); ${cpuText(s.cpu)}`);
        }
        if (PARTS.has('sweep')) {
          const m = await sweepMemory(ds, redis.url, `bench${schema}`);
          memory.push(`${fmt(n)} tasks (${fmt(s.rows)} rows): sweep put ${fmt(m.jobs)} jobs into Redis, used_memory +${fmt(m.bytes / 1024, 1)} KiB (${fmt(m.bytes / Math.max(1, m.jobs))} B/job)`);
          console.log(memory[memory.length - 1]);
        }
        if (!mails && PARTS.has('mail')) {
          mails = await mailRates(ds, sink, schema);
          console.log(
            `e-mail, ${fmt(mails.mails)} messages per path, ${CONCURRENCY} at a time, ${MAIL_ROUNDS} rounds taking turns: raw pooled nodemailer ${fmt(mails.raw)} mails/s; ` +
              `ReminderDeliveryService.deliver with one claim + one settle per reminder (DELIVERY_BATCH_SIZE=1) ${fmt(mails.unbatched)} mails/s, ratio ${fmt(mails.unbatched / mails.raw, 2)}; ` +
              `batched (default) ${fmt(mails.batched)} mails/s, ratio ${fmt(mails.batched / mails.raw, 2)}; batched/unbatched ${fmt(mails.batched / mails.unbatched, 2)}`,
          );
          for (const [i, r] of mails.rounds.entries()) console.log(`  round ${i + 1} (mails/s): ${r}`);
          const perMail = (c: Cpu) => `node ${fmt((c.node * 1000) / mails!.mails, 2)} + PostgreSQL ${fmt((c.pg * 1000) / mails!.mails, 2)} ms`;
          console.log(`  CPU per mail (the sink runs in this process too): raw ${perMail(mails.cpu.raw)}; unbatched ${perMail(mails.cpu.unbatched)}; batched ${perMail(mails.cpu.batched)}`);
        }
        if (PARTS.has('replan')) {
          await analyze(ds, 'the schedule');
          const r = await replan(ds, schema);
          console.log(
            `${fmt(n)} tasks re-planned in one transaction: calendar change ${fmt(r.calendar.tasks)} open items in ${fmt(r.calendar.seconds, 1)} s (${cpuText(r.calendar.cpu)}); ` +
              `policy change ${fmt(r.policy.tasks)} items in ${fmt(r.policy.seconds, 1)} s (${cpuText(r.policy.cpu)})`,
          );
        }
      });
    }
    if (memory.length) console.log('\nRedis after one sweep (2 h horizon):');
    for (const line of memory) console.log(`  ${line}`);
  } finally {
    await sink.stop();
    redis.proc.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
