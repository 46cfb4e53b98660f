// Mixed load on 100k items: readers on GET /tasks and reports, writers posting progress and
// transitions, all at once, against GET /health in the same run; then checks that no write was lost.
// Run: npx ts-node -r tsconfig-paths/register bench/load/load.bench.ts
// Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test), BENCH_TASKS (100000),
//      BENCH_SECONDS (20), BENCH_EMBEDDED=1 (the embedded PGlite instead of the server; 10k items by default).
//      20 connections in all. Talks to 127.0.0.1 only.
/// <reference path="../support/autocannon.d.ts" />
import autocannon, { Request, Result } from 'autocannon';
import { hashPassword, UserRepository } from '@app/persistence';
import { BENCH_EMBEDDED, BenchApi, seedTasks, startBenchApi } from '../support/bench-app';

// The embedded database is what a small office starts with: 10k items by default there.
const TASKS = Number(process.env.BENCH_TASKS ?? (BENCH_EMBEDDED ? 10_000 : 100_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PASSWORD = 'bench-load-pass';

interface Lane {
  name: string;
  connections: number;
  token: string;
  requests: Request[];
  /** Statuses this lane may answer besides 2xx (the contention lane's stale versions). */
  expected?: number[];
}

/** Counts of the writers' answers, by lane and status, from autocannon's onResponse. */
const answers: Record<string, Record<number, number>> = {};
const count = (lane: string, status: number) => {
  answers[lane] ??= {};
  answers[lane][status] = (answers[lane][status] ?? 0) + 1;
};

async function ids(api: BenchApi, sql: string, params: unknown[] = []): Promise<string[]> {
  return ((await api.ds.query(sql, params)) as { id: string }[]).map((r) => r.id);
}

/**
 * One connection that owns its items and moves them in turn: suspend, resume, suspend … with the
 * version it last got back. autocannon resets a connection's context after each pass over its
 * requests, so the lane keeps that state itself (one connection: answers arrive in order).
 */
function transitionLane(n: number, token: string, taskIds: string[]): Lane {
  const items = taskIds.map((id) => ({ id, version: 1, status: 'in_progress' }));
  let turn = 0;
  return {
    name: `POST /tasks/:id/transitions #${n + 1}`,
    connections: 1,
    token,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const item = items[turn % items.length];
          const to = item.status === 'suspended' ? 'in_progress' : 'suspended';
          return { ...req, path: `/tasks/${item.id}/transitions`, body: JSON.stringify({ to, reason: '负载测试', version: item.version }) };
        },
        onResponse: (status, body) => {
          count('transitions', status);
          if (status === 200) Object.assign(items[turn++ % items.length], JSON.parse(body) as { version: number; status: string });
        },
      },
    ],
  };
}

/** A staff member of unit u1 (reports progress) and a supervisor of every plan (transitions, deadlines). */
async function benchUsers(api: BenchApi): Promise<void> {
  const [{ id: unitId }] = (await api.ds.query(`SELECT id FROM units WHERE code = 'u1'`)) as { id: string }[];
  const passwordHash = await hashPassword(PASSWORD);
  const users = api.app.get(UserRepository);
  await users.createIfMissing({ username: 'load_staff', displayName: '承办人', email: null, passwordHash, unitId, roles: ['staff'] });
  const { user } = await users.createIfMissing({ username: 'load_sup', displayName: '督办员', email: null, passwordHash, unitId: null, roles: ['supervisor'] });
  await api.ds.query(`INSERT INTO plan_supervisors (plan_id, user_id) SELECT id, $1 FROM plans ON CONFLICT DO NOTHING`, [user.id]);
}

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    const t0 = Date.now();
    await seedTasks(api.ds, TASKS);
    await benchUsers(api);
    console.log(`seeded ${TASKS} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s (${BENCH_EMBEDDED ? 'embedded PGlite' : 'PostgreSQL server'}, ${api.schema})`);
    const admin = await api.login('admin', 'duban-admin');
    const staff = await api.login('load_staff', PASSWORD);
    const sup = await api.login('load_sup', PASSWORD);

    // Disjoint sets, so each check below counts one kind of write.
    const progressTasks = await ids(
      api,
      `SELECT t.id FROM tasks t JOIN assignments a ON a.task_id = t.id AND a.role = 'lead' JOIN units u ON u.id = a.unit_id
        WHERE u.code = 'u1' AND t.status = 'in_progress' ORDER BY t.id LIMIT 20`,
    );
    const transitionTasks = await ids(api, `SELECT id FROM tasks WHERE status = 'in_progress' AND id <> ALL($1) ORDER BY id DESC LIMIT 4`, [progressTasks]);
    const [contended] = await ids(api, `SELECT id FROM tasks WHERE status = 'assigned' ORDER BY id LIMIT 1`);
    const [planId] = await ids(api, `SELECT id FROM plans ORDER BY title LIMIT 1`);
    const touched = [...progressTasks, ...transitionTasks, contended];
    const before = await state(api, touched);

    let nextProgress = 0;
    const json = { 'content-type': 'application/json' };
    const lanes: Lane[] = [
      { name: 'GET /health', connections: 2, token: admin, requests: [{ method: 'GET', path: '/health' }] },
      { name: 'GET /tasks?status&sort', connections: 3, token: admin, requests: [{ method: 'GET', path: '/tasks?status=in_progress&sort=dueAt:asc&limit=20' }] },
      { name: 'GET /tasks?planId&light=red', connections: 2, token: admin, requests: [{ method: 'GET', path: `/tasks?planId=${planId}&light=red&limit=20` }] },
      { name: 'GET /tasks?dueFrom&dueTo (staff)', connections: 2, token: staff, requests: [{ method: 'GET', path: '/tasks?dueFrom=2025-01-01&dueTo=2026-12-31&overdue=false' }] },
      { name: 'GET /reports/summary?planId', connections: 2, token: admin, requests: [{ method: 'GET', path: `/reports/summary?planId=${planId}` }] },
      { name: 'GET /reports/overdue', connections: 2, token: admin, requests: [{ method: 'GET', path: '/reports/overdue?limit=20' }] },
      {
        name: 'POST /tasks/:id/progress',
        connections: 2,
        token: staff,
        requests: [
          {
            method: 'POST',
            headers: json,
            setupRequest: (req, ctx) => {
              const id = progressTasks[nextProgress++ % progressTasks.length];
              ctx.n = ((ctx.n as number | undefined) ?? 0) + 1;
              return { ...req, path: `/tasks/${id}/progress`, body: JSON.stringify({ percent: (ctx.n as number) % 100, note: `进展 ${ctx.n}` }) };
            },
            onResponse: (status) => count('progress', status),
          },
        ],
      },
      ...[0, 1].map((n) => transitionLane(n, sup, transitionTasks.slice(2 * n, 2 * n + 2))),
      {
        // Three connections read one item's version and set its deadline: stale versions are 409.
        name: 'GET+PATCH /tasks/:id (contention)',
        connections: 3,
        token: sup,
        expected: [409],
        requests: [
          {
            method: 'GET',
            path: `/tasks/${contended}`,
            onResponse: (status, body, ctx) => {
              if (status === 200) ctx.version = (JSON.parse(body) as { version: number }).version;
            },
          },
          {
            method: 'PATCH',
            path: `/tasks/${contended}`,
            headers: json,
            setupRequest: (req, ctx) => {
              const day = 1 + Math.floor(Math.random() * 28);
              return { ...req, body: JSON.stringify({ dueAt: `2031-01-${String(day).padStart(2, '0')}T18:00:00+08:00`, version: ctx.version }) };
            },
            onResponse: (status) => count('patch', status),
          },
        ],
      },
    ];
    const total = lanes.reduce((n, l) => n + l.connections, 0);
    console.log(`running ${lanes.length} lanes, ${total} connections, ${SECONDS} s …`);
    const results = await Promise.all(
      lanes.map((l) =>
        autocannon({
          url: api.base,
          connections: l.connections,
          duration: SECONDS,
          headers: { authorization: `Bearer ${l.token}` },
          requests: l.requests,
        }),
      ),
    );
    report(lanes, results);

    // No lost update: the database holds exactly the accepted writes.
    const after = await state(api, touched);
    const progressRows = after.progress - before.progress;
    const transitionBumps = sum(transitionTasks.map((id) => after.versions[id] - before.versions[id]));
    const patchBumps = after.versions[contended] - before.versions[contended];
    const progress201 = answers.progress?.[201] ?? 0;
    const transitions200 = answers.transitions?.[200] ?? 0;
    const patch200 = answers.patch?.[200] ?? 0;
    // A write still in flight when the run stops may commit without its answer being counted: at most
    // one per connection of its lane. Every answered write must be there; no more than that may be extra.
    const inFlight = (prefix: string) => sum(lanes.filter((l) => l.name.startsWith(prefix)).map((l) => l.connections));
    const within = (rows: number, answered: number, lanes: number) => rows >= answered && rows <= answered + lanes;
    const accepted = progress201 + transitions200 + patch200;
    const anyInFlight = inFlight('POST /tasks/:id/progress') + inFlight('POST /tasks/:id/transitions') + inFlight('GET+PATCH');
    const checks = [
      [`progress_reports rows added ${progressRows} = POST progress 201s ${progress201} (+ at most ${inFlight('POST /tasks/:id/progress')} cut off by the end)`,
        within(progressRows, progress201, inFlight('POST /tasks/:id/progress'))],
      [`task versions of the transition set +${transitionBumps} = transitions 200s ${transitions200} (+ at most ${inFlight('POST /tasks/:id/transitions')} cut off)`,
        within(transitionBumps, transitions200, inFlight('POST /tasks/:id/transitions'))],
      [`contended task version +${patchBumps} = PATCH 200s ${patch200} (409s: ${answers.patch?.[409] ?? 0}; + at most ${inFlight('GET+PATCH')} cut off)`,
        within(patchBumps, patch200, inFlight('GET+PATCH'))],
      [`audit events added ${after.audit - before.audit} = accepted writes ${accepted} (+ at most ${anyInFlight} cut off)`, within(after.audit - before.audit, accepted, anyInFlight)],
    ] as const;
    let failed = false;
    for (const [text, ok] of checks) {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
      failed ||= !ok;
    }
    console.log(`writer answers: ${JSON.stringify(answers)}`);
    if (failed || unexpected(lanes, results) > 0) process.exitCode = 1;
  } finally {
    await api.close();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function state(api: BenchApi, taskIds: string[]) {
  const versions = Object.fromEntries(
    ((await api.ds.query(`SELECT id, version FROM tasks WHERE id = ANY($1)`, [taskIds])) as { id: string; version: number }[]).map((r) => [r.id, r.version]),
  );
  const [r] = (await api.ds.query(
    `SELECT (SELECT count(*)::int FROM progress_reports WHERE task_id = ANY($1)) AS progress,
            (SELECT count(*)::int FROM audit_events WHERE task_id = ANY($1)) AS audit`,
    [taskIds],
  )) as { progress: number; audit: number }[];
  return { versions, progress: r.progress, audit: r.audit };
}

function unexpected(lanes: Lane[], results: Result[]): number {
  return sum(
    lanes.map((l, i) =>
      Object.entries(results[i].statusCodeStats)
        .filter(([code]) => !code.startsWith('2') && !(l.expected ?? []).includes(Number(code)))
        .reduce((n, [, s]) => n + s.count, results[i].errors + results[i].timeouts),
    ),
  );
}

function report(lanes: Lane[], results: Result[]): void {
  const health = results[0].latency;
  console.log(`${'lane'.padEnd(36)} ${'conns'.padStart(5)} ${'requests'.padStart(8)} ${'non-2xx'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  p50/health  p99/health`);
  lanes.forEach((l, i) => {
    const r = results[i];
    const expected = sum((l.expected ?? []).map((c) => r.statusCodeStats[c]?.count ?? 0));
    const non2xx = r.non2xx - expected;
    console.log(
      `${l.name.padEnd(36)} ${String(l.connections).padStart(5)} ${String(r.requests.total).padStart(8)} ${String(non2xx + r.errors).padStart(8)} ` +
        `${r.latency.p50.toFixed(1).padStart(8)} ${r.latency.p99.toFixed(1).padStart(8)}  ${(r.latency.p50 / Math.max(health.p50, 0.1)).toFixed(1).padStart(9)}x ` +
        `${(r.latency.p99 / Math.max(health.p99, 0.1)).toFixed(1).padStart(10)}x${expected ? `  (${expected} expected 409)` : ''}`,
    );
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
