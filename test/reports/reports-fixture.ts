import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '@app/persistence';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { createTestSchema, TEST_DATABASE_URL } from '../support/database';

export const PASSWORD = 'reports-pass-1';
const DAY = 86_400_000;
/** An instant `n` days from the moment the fixture is seeded (fractions allowed). */
export const days = (n: number) => new Date(Date.now() + n * DAY);

export const UNITS = { A: '市科技局', B: '市经信局', C: '市发改委', D: '市教育局' } as const;
export type UnitKey = keyof typeof UNITS;

export const USERS = {
  a_staff: { unit: 'A', roles: ['staff'] },
  a_staff2: { unit: 'A', roles: ['staff'] },
  a_head: { unit: 'A', roles: ['unit_head'] },
  b_staff: { unit: 'B', roles: ['staff'] },
  d_staff: { unit: 'D', roles: ['staff'] },
  sup: { unit: null, roles: ['supervisor'] },
  leader: { unit: null, roles: ['leader'] },
} as const;
export type UserKey = keyof typeof USERS | 'admin';

interface SeedTask {
  plan: 'P1' | 'P2';
  code: string;
  status: string;
  dueAt: Date;
  originalDueAt?: Date;
  createdAt: Date;
  progress?: number;
  submittedAt?: Date;
  completedAt?: Date;
  extensionApprovedAt?: Date;
  lead: UnitKey[];
  resp?: UnitKey[];
  assist?: UnitKey[];
  /** Acknowledged this many days after assignment; absent: not acknowledged. */
  ackAfterDays?: number;
  indicators?: { name: string; value: number; unit: string; comparator: string; deadline: string | null }[];
}

/** One item in every state the workflow knows, across two plans and four units. */
export const TASKS: SeedTask[] = [
  { plan: 'P1', code: 'T01-assigned', status: 'assigned', dueAt: days(60), createdAt: days(-10), lead: ['A'], resp: ['B'] },
  {
    plan: 'P1', code: 'T02-in-progress-yellow', status: 'in_progress', dueAt: days(3), createdAt: days(-30), progress: 50, lead: ['A'], resp: ['C'], ackAfterDays: 1,
    indicators: [{ name: '入驻企业', value: 100, unit: '家', comparator: '>=', deadline: null }],
  },
  { plan: 'P1', code: 'T03-submitted', status: 'submitted', dueAt: days(2), createdAt: days(-40), progress: 100, submittedAt: days(-1), lead: ['B'], ackAfterDays: 1 },
  { plan: 'P1', code: 'T04-returned', status: 'returned', dueAt: days(20), createdAt: days(-100), progress: 10, lead: ['A'], assist: ['B'], ackAfterDays: 10 },
  { plan: 'P1', code: 'T05-completed-on-time', status: 'completed', dueAt: days(-2), createdAt: days(-60), progress: 100, submittedAt: days(-6), completedAt: days(-5), lead: ['A'], resp: ['B'], ackAfterDays: 1 },
  { plan: 'P1', code: 'T06-completed-late', status: 'completed', dueAt: days(-10), createdAt: days(-60), progress: 100, submittedAt: days(-2), completedAt: days(-1), lead: ['B'], resp: ['A'], ackAfterDays: 1 },
  {
    plan: 'P1', code: 'T07-extended-in-time', status: 'in_progress', originalDueAt: days(-5), dueAt: days(10), extensionApprovedAt: days(-8), createdAt: days(-40), progress: 60,
    lead: ['A'], ackAfterDays: 1,
  },
  {
    plan: 'P1', code: 'T08-extended-late', status: 'in_progress', originalDueAt: days(-20), dueAt: days(5), extensionApprovedAt: days(-15), createdAt: days(-50), progress: 70,
    lead: ['C'], ackAfterDays: 1,
  },
  { plan: 'P1', code: 'T09-overdue', status: 'in_progress', dueAt: days(-7), createdAt: days(-50), progress: 30, lead: ['A'], resp: ['B'], ackAfterDays: 1 },
  { plan: 'P1', code: 'T10-overdue-unacknowledged', status: 'assigned', dueAt: days(-3), createdAt: days(-30), lead: ['B'], resp: ['C'] },
  { plan: 'P1', code: 'T11-suspended', status: 'suspended', dueAt: days(-10), createdAt: days(-30), progress: 20, lead: ['A'], ackAfterDays: 1 },
  { plan: 'P1', code: 'T12-cancelled', status: 'cancelled', dueAt: days(-10), createdAt: days(-30), lead: ['A'] },
  { plan: 'P2', code: 'T13-overdue-other-plan', status: 'acknowledged', dueAt: days(-40), createdAt: days(-90), lead: ['C'], resp: ['D'], ackAfterDays: 2 },
  { plan: 'P2', code: 'T14-completed-late-p2', status: 'completed', dueAt: days(-30), createdAt: days(-90), progress: 100, completedAt: days(-25), lead: ['D'], ackAfterDays: 1 },
  { plan: 'P2', code: 'T15-due-in-25-days', status: 'in_progress', dueAt: days(25), createdAt: days(-5), progress: 40, lead: ['B'], ackAfterDays: 1 },
];

export interface ReportsApp {
  app: INestApplication;
  ds: DataSource;
  http: ReturnType<typeof request>;
  tokens: Record<UserKey, string>;
  userIds: Record<string, string>;
  unitIds: Record<UnitKey, string>;
  planIds: { P1: string; P2: string };
  taskIds: Record<string, string>;
  close(): Promise<void>;
}

/** Boots the real AppModule on a fresh schema and seeds it with SQL. */
export async function startReportsApp(): Promise<ReportsApp> {
  const schema = await createTestSchema();
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.DATABASE_SCHEMA = schema.schema;
  process.env.QUEUE_PREFIX = `rp${schema.schema}`;
  process.env.LOG_LEVEL = 'error';
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const ds = app.get(DataSource);
  const http = request(app.getHttpServer());

  const one = async (sql: string, params: unknown[]): Promise<string> => ((await ds.query(sql, params)) as { id: string }[])[0].id;
  const unitIds = {} as Record<UnitKey, string>;
  for (const [k, name] of Object.entries(UNITS)) unitIds[k as UnitKey] = await one(`INSERT INTO units (code, name) VALUES ($1, $2) RETURNING id`, [`u${k}`, name]);
  const passwordHash = await hashPassword(PASSWORD);
  const userIds: Record<string, string> = {};
  for (const [username, u] of Object.entries(USERS)) {
    userIds[username] = await one(
      `INSERT INTO users (username, display_name, email, password_hash, unit_id, roles) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [username, `用户${username}`, `${username}@example.test`, passwordHash, u.unit ? unitIds[u.unit as UnitKey] : null, [...u.roles]],
    );
  }
  const plan = (title: string, hash: string) =>
    one(
      `INSERT INTO plans (title, issuer, year, period_start, period_end, content_hash) VALUES ($1, '市政府', 2025, $2, $3, $4) RETURNING id`,
      [title, days(-120).toISOString().slice(0, 10), days(245).toISOString().slice(0, 10), `${hash}-${schema.schema}`],
    );
  const planIds = { P1: await plan('科技创新工作要点(报表测试)', 'p1'), P2: await plan('营商环境行动方案(报表测试)', 'p2') };
  await ds.query(`INSERT INTO plan_supervisors (plan_id, user_id) VALUES ($1, $2)`, [planIds.P1, userIds.sup]);
  await ds.query(`INSERT INTO plan_targets (plan_id, code, text, indicators) VALUES ($1, '目标1', '全社会研发投入达到200亿元', $2)`, [
    planIds.P1,
    JSON.stringify([{ name: '研发投入', value: 200, unit: '亿元', comparator: '>=', deadline: null }]),
  ]);

  const taskIds: Record<string, string> = {};
  for (const t of TASKS) {
    const id = await one(
      `INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, progress, created_at, updated_at, submitted_at, completed_at,
                          extension_approved_at, indicators, status_before_suspend)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        planIds[t.plan], t.code, `事项${t.code}`, t.originalDueAt ?? t.dueAt, t.dueAt, t.status, t.progress ?? 0, t.createdAt,
        t.submittedAt ?? null, t.completedAt ?? null, t.extensionApprovedAt ?? null, JSON.stringify(t.indicators ?? []),
        t.status === 'suspended' ? 'in_progress' : null,
      ],
    );
    taskIds[t.code] = id;
    const roles: [UnitKey, string][] = [
      ...t.lead.map((u): [UnitKey, string] => [u, 'lead']),
      ...(t.resp ?? []).map((u): [UnitKey, string] => [u, 'responsible']),
      ...(t.assist ?? []).map((u): [UnitKey, string] => [u, 'assisting']),
    ];
    for (const [u, role] of roles) {
      const ack = t.ackAfterDays !== undefined ? new Date(t.createdAt.getTime() + t.ackAfterDays * DAY) : null;
      await ds.query(
        `INSERT INTO assignments (task_id, unit_id, role, status, progress, acknowledged_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, unitIds[u], role, ack ? 'in_progress' : 'assigned', t.progress ?? 0, ack, t.createdAt],
      );
    }
  }
  const progress = async (code: string, unit: UnitKey, author: string, percent: number, at: Date, note: string, values: { name: string; value: number }[] = []) => {
    await ds.query(
      `INSERT INTO progress_reports (task_id, unit_id, author_id, percent, note, indicator_values, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [taskIds[code], unitIds[unit], userIds[author], percent, note, JSON.stringify(values), at],
    );
    await ds.query(`UPDATE tasks SET last_progress_at = GREATEST(COALESCE(last_progress_at, $2), $2) WHERE id = $1`, [taskIds[code], at]);
    await ds.query(`UPDATE assignments SET last_progress_at = GREATEST(COALESCE(last_progress_at, $3), $3) WHERE task_id = $1 AND unit_id = $2`, [
      taskIds[code], unitIds[unit], at,
    ]);
  };
  await progress('T02-in-progress-yellow', 'A', 'a_staff', 30, days(-20), '完成选址', [{ name: '入驻企业', value: 40 }, { name: '研发投入', value: 120 }]);
  await progress('T02-in-progress-yellow', 'A', 'a_staff2', 50, days(-3), '推进招商', [{ name: '入驻企业', value: 60 }]);
  await progress('T07-extended-in-time', 'A', 'a_staff', 60, days(-2), '延期后推进', [{ name: '研发投入', value: 150 }]);
  await progress('T09-overdue', 'A', 'a_staff', 30, days(-9), '进度滞后,正在协调');
  await progress('T09-overdue', 'B', 'b_staff', 50, days(-8), '经信局部分推进中');
  await progress('T05-completed-on-time', 'A', 'a_staff2', 100, days(-6), '已完成');

  // The reminder engine's records: blue/yellow/red notices sent about units, and a progress-cycle urge.
  const reminder = async (code: string, unit: UnitKey, kind: string, level: string, state: string, reason = 'deadline', notify?: string) => {
    const rid = await one(
      `INSERT INTO reminders (key, task_id, unit_id, kind, audience, reason, notice_level, channels, due_at, state, sent_at)
       VALUES ($1, $2, $3, $4, 'unit_head', $5, $6, '{inbox}', $7, $8, $9) RETURNING id`,
      [`k-${code}-${unit}-${kind}-${level}-${state}-${reason}`, taskIds[code], unitIds[unit], kind, reason, level, days(-1), state, state === 'sent' ? days(-1) : null],
    );
    if (notify) {
      for (const channel of ['inbox', 'email']) {
        await ds.query(
          `INSERT INTO notifications (reminder_id, user_id, unit_id, task_id, channel, recipient, subject, body, notice_level)
           VALUES ($1, $2, $3, $4, $5, $6, '催办', '请尽快办理', $7)`,
          [rid, userIds[notify], unitIds[unit], taskIds[code], channel, `${notify}@example.test`, level],
        );
      }
    }
  };
  await reminder('T09-overdue', 'A', 'remind', 'blue', 'sent', 'deadline', 'a_staff');
  await reminder('T09-overdue', 'A', 'urge', 'yellow', 'sent', 'deadline', 'a_head');
  await reminder('T09-overdue', 'A', 'escalate', 'red', 'sent');
  await reminder('T09-overdue', 'B', 'urge', 'yellow', 'sent');
  await reminder('T10-overdue-unacknowledged', 'B', 'urge', 'yellow', 'sent');
  await reminder('T10-overdue-unacknowledged', 'B', 'escalate', 'red', 'pending');
  await reminder('T13-overdue-other-plan', 'C', 'escalate', 'red', 'sent');
  await reminder('T02-in-progress-yellow', 'A', 'urge', 'yellow', 'sent', 'progress_cycle', 'a_head');

  const tokens = {} as Record<UserKey, string>;
  for (const username of [...Object.keys(USERS), 'admin'] as UserKey[]) {
    const res = await http.post('/auth/login').send({ username, password: username === 'admin' ? 'duban-admin' : PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens[username] = res.body.accessToken;
  }
  return {
    app,
    ds,
    http,
    tokens,
    userIds,
    unitIds,
    planIds,
    taskIds,
    async close() {
      await app.close();
      await schema.drop();
    },
  };
}

/** RFC 4180 CSV with quotes; the BOM is stripped first (and asserted present by the caller). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
