import { hashPassword, UserRepository } from '@app/persistence';
import { PASSWORD, startWorkflowApp, WorkflowApp } from '../support/workflow-app';

export interface HardeningApp extends WorkflowApp {
  /** Existing row ids by kind, for path parameters and body fields. */
  ids: Record<'tasks' | 'units' | 'users' | 'plans' | 'steps' | 'imports' | 'extensions' | 'apiTokens' | 'notifications' | 'reminders', string[]>;
  /** A read-only personal API token of lead_staff (POST /me/tokens). */
  readToken: string;
  /** A calendar feed URL path of lead_staff: `/calendar/<token>.ics`. */
  calendarPath: string;
}

/**
 * The workflow app plus one row of every kind a path parameter can name: a comment, an extension
 * request, API tokens, a calendar feed, a failed reminder and a notification. Users the suites may
 * mutate (delete, deactivate, re-password) are extra "victim" users, not the ones whose tokens the
 * suites use.
 */
export async function startHardeningApp(): Promise<HardeningApp> {
  const w = await startWorkflowApp();
  const auth = (u: string) => ({ Authorization: `Bearer ${w.tokens[u]}` });
  const taskId = w.taskIds['1'];

  const passwordHash = await hashPassword(PASSWORD);
  const victims: string[] = [];
  for (const n of [1, 2, 3]) {
    const { user } = await w.app.get(UserRepository).createIfMissing({
      username: `victim${n}`,
      displayName: `victim${n}`,
      email: `victim${n}@example.test`,
      passwordHash,
      unitId: w.unitIds.jyj,
      roles: ['staff'],
    });
    victims.push(user.id);
  }

  await expectStatus(w.http.post(`/tasks/${taskId}/comments`).set(auth('lead_staff')).send({ body: '已收到' }), 201);
  await expectStatus(w.http.post(`/tasks/${taskId}/extensions`).set(auth('lead_staff')).send({ requestedDueAt: '2031-03-31', reason: '等待配套政策' }), 201);
  const read = await expectStatus(w.http.post('/me/tokens').set(auth('lead_staff')).send({ name: 'reports', scope: 'read' }), 201);
  await expectStatus(w.http.post('/me/tokens').set(auth('admin')).send({ name: 'spare', scope: 'read' }), 201);
  const feed = await expectStatus(w.http.post('/me/calendar-token').set(auth('lead_staff')), 201);

  const [reminder] = (await w.ds.query(
    `INSERT INTO reminders (key, task_id, unit_id, kind, audience, notice_level, channels, due_at, state, attempts, last_error)
     VALUES ('hardening-failed', $1, $2, 'urge', 'lead', 'yellow', '{email}', now() - interval '1 hour', 'failed', 5, 'smtp down')
     RETURNING id`,
    [taskId, w.unitIds.kjj],
  )) as { id: string }[];
  await w.ds.query(
    `INSERT INTO notifications (reminder_id, user_id, unit_id, task_id, channel, recipient, subject, body, notice_level)
     SELECT $1, id, unit_id, $2, 'inbox', username, '催办', '请尽快办理', 'yellow' FROM users WHERE username IN ('lead_staff', 'sup', 'admin')`,
    [reminder.id, taskId],
  );

  const column = async (sql: string): Promise<string[]> => ((await w.ds.query(sql)) as { id: string }[]).map((r) => r.id);
  const ids: HardeningApp['ids'] = {
    tasks: Object.values(w.taskIds),
    units: Object.values(w.unitIds),
    users: victims,
    plans: [w.planId],
    steps: await column(`SELECT id FROM steps`),
    imports: await column(`SELECT id FROM imports`),
    extensions: await column(`SELECT id FROM extension_requests`),
    apiTokens: await column(`SELECT id FROM api_tokens`),
    notifications: await column(`SELECT id FROM notifications`),
    reminders: await column(`SELECT id FROM reminders`),
  };
  return { ...w, ids, readToken: read.body.token as string, calendarPath: new URL(feed.body.url as string).pathname };
}

async function expectStatus<T extends { status: number; body: unknown }>(req: PromiseLike<T>, status: number): Promise<T> {
  const res = await req;
  if (res.status !== status) throw new Error(`seed request answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}
