import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PlanImportService } from '@app/application';
import type { ParsedPlan } from '@app/importer';
import { hashPassword, Role, UnitRepository, UserRepository } from '@app/persistence';
import { startTestApi } from '../support/api-app';

export const PASSWORD = 'workflow-pass-1';

/** The directory of the test: a lead, two responsible units, an assisting one, and a stranger. */
export const DIRECTORY = {
  units: [
    { code: 'kjj', name: '市科技局', aliases: ['科技局'], parent: null, kind: 'department' },
    { code: 'jxj', name: '市经信局', aliases: [], parent: null, kind: 'department' },
    { code: 'fgw', name: '市发改委', aliases: [], parent: null, kind: 'department' },
    { code: 'czj', name: '市财政局', aliases: [], parent: null, kind: 'department' },
    { code: 'jyj', name: '市教育局', aliases: [], parent: null, kind: 'department' },
  ],
  groups: [],
};

export const USERS: { username: string; unit: string | null; roles: Role[] }[] = [
  { username: 'lead_staff', unit: 'kjj', roles: ['staff'] },
  { username: 'lead_head', unit: 'kjj', roles: ['unit_head'] },
  { username: 'resp_staff', unit: 'jxj', roles: ['staff'] },
  { username: 'resp2_staff', unit: 'fgw', roles: ['staff'] },
  { username: 'assist_staff', unit: 'czj', roles: ['staff'] },
  { username: 'other_staff', unit: 'jyj', roles: ['staff'] },
  { username: 'sup', unit: null, roles: ['supervisor'] },
  { username: 'sup_other', unit: null, roles: ['supervisor'] },
  { username: 'leader', unit: null, roles: ['leader'] },
];

const task = (code: string, title: string, deadline: string, lead: string[], resp: string[], assist: string[], steps: string[] = []): ParsedPlan['tasks'][number] => ({
  code,
  group: null,
  section: '（一）科技创新',
  title,
  content: `${title}的具体内容`,
  goal: null,
  deadline,
  deadlineText: null,
  leadUnits: lead,
  responsibleUnits: resp,
  assistingUnits: assist,
  steps: steps.map((text, i) => ({ code: `(${i + 1})`, text, deadline, deadlineText: null })),
  indicators: [],
  recurrence: null,
});

export const PLAN: ParsedPlan = {
  plan: {
    title: '2030年科技创新工作要点（测试）',
    issuer: '市科技局',
    year: 2030,
    publishedAt: '2030-01-15',
    docNumber: null,
    periodStart: '2030-01-01',
    periodEnd: '2030-12-31',
  },
  targets: [],
  tasks: [
    task('1', '建设科技创新平台', '2030-12-31', ['市科技局'], ['市经信局', '市发改委'], ['市财政局'], ['完成选址', '完成建设']),
    task('2', '培育高新技术企业', '2030-06-30', ['市科技局'], ['市经信局'], ['市财政局']),
    task('3', '推进产学研合作', '2030-09-30', ['市教育局'], [], []),
    task('4', '完善科技金融服务', '2030-11-30', ['市经信局'], ['市科技局'], []),
  ],
  warnings: [],
};

export interface WorkflowApp {
  app: INestApplication;
  /** The PostgreSQL schema and queue prefix this app uses (a worker must use the same). */
  schema: string;
  queuePrefix: string;
  ds: DataSource;
  http: ReturnType<typeof request>;
  tokens: Record<string, string>;
  userIds: Record<string, string>;
  unitIds: Record<string, string>;
  planId: string;
  taskIds: Record<string, string>;
  /**
   * Imports another copy of PLAN under a title of its own (its items are the same four), with `supervisors`
   * (usernames) as its supervisors: a test that changes items works on a plan no other test reads.
   */
  addPlan(supervisors?: string[]): Promise<{ planId: string; title: string; taskIds: Record<string, string> }>;
  close(): Promise<void>;
}

/**
 * Boots the real AppModule on its own schema, seeds the directory, users and one plan. `env` adds
 * settings (read when the module compiles), e.g. the reminder knobs a worker must share.
 */
export async function startWorkflowApp(env: Record<string, string> = {}): Promise<WorkflowApp> {
  const api = await startTestApi(env);
  const { app, ds, http } = api;

  const units = app.get(UnitRepository);
  await units.upsertDirectory(DIRECTORY);
  const unitIds: Record<string, string> = {};
  for (const u of DIRECTORY.units) unitIds[u.code] = (await units.findByCode(u.code))!.id;
  const passwordHash = await hashPassword(PASSWORD);
  const userIds: Record<string, string> = {};
  for (const u of USERS) {
    const { user } = await app.get(UserRepository).createIfMissing({
      username: u.username,
      displayName: u.username,
      email: `${u.username}@example.test`,
      passwordHash,
      unitId: u.unit ? unitIds[u.unit] : null,
      roles: u.roles,
    });
    userIds[u.username] = user.id;
  }
  const actor = { id: null, name: 'test seed' };
  const imports = app.get(PlanImportService);
  const importPlan = async (plan: ParsedPlan, contentHash: string) => {
    const preview = await imports.preview(plan, { contentHash, fileName: 'plan.txt', actor });
    const { planId } = await imports.commit(preview.importId, actor);
    const rows: { id: string; code: string }[] = await ds.query(`SELECT id, code FROM tasks WHERE plan_id = $1`, [planId]);
    return { planId, taskIds: Object.fromEntries(rows.map((r) => [r.code, r.id])) };
  };
  const { planId, taskIds } = await importPlan(PLAN, `hash-${api.schema}`);
  let copies = 0;
  const addPlan = async (supervisors: string[] = []) => {
    copies += 1;
    const title = `${PLAN.plan.title}（副本${copies}）`;
    const copy = await importPlan({ ...PLAN, plan: { ...PLAN.plan, title } }, `hash-${api.schema}-copy-${copies}`);
    if (supervisors.length) {
      await ds.query(`INSERT INTO plan_supervisors (plan_id, user_id) SELECT $1, unnest($2::uuid[])`, [copy.planId, supervisors.map((u) => userIds[u])]);
    }
    return { ...copy, title };
  };

  const tokens: Record<string, string> = {};
  for (const username of [...USERS.map((u) => u.username), 'admin']) {
    tokens[username] = await api.login(username, username === 'admin' ? 'duban-admin' : PASSWORD);
  }
  return {
    app,
    schema: api.schema,
    queuePrefix: process.env.QUEUE_PREFIX!,
    ds,
    http,
    tokens,
    userIds,
    unitIds,
    planId,
    taskIds,
    addPlan,
    close: api.close,
  };
}
