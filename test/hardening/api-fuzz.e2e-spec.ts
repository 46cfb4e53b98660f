import fc from 'fast-check';
import { HardeningApp, startHardeningApp } from './hardening-fixture';
import { fillPath, loadOperations, Operation, opName, Parameter, Schema } from './openapi';

// Walks every operation of the OpenAPI document with generated valid and invalid requests.
// The run is a fixed budget of requests shared by all operations (FUZZ_REQUESTS, default 2200, at least
// 20 per operation), so the test's length does not grow with every endpoint the API gains. FUZZ_RUNS
// (requests per operation) overrides the share; FUZZ_SEED replays a run.
const BUDGET = Number(process.env.FUZZ_REQUESTS ?? 2200);
const runsPer = (operations: number) => Number(process.env.FUZZ_RUNS ?? Math.max(20, Math.floor(BUDGET / operations)));
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const INJECTIONS = [
  `' OR 1=1 --`,
  `1; DROP TABLE tasks`,
  `%' OR '1'='1`,
  `" OR ""="`,
  `'); DELETE FROM audit_events; --`,
  `1 UNION SELECT username, password_hash FROM users --`,
  `$1`,
  `\\`,
  `'`,
  `%`,
  `_`,
  `${'$'}{7*7}`,
  `../../etc/passwd`,
  `\u0000`,
  `a\u0000b`,
];
const HUGE = 'x'.repeat(4000);
const BODY_HUGE = '长'.repeat(60_000);

type Auth = 'admin' | 'sup' | 'lead_staff' | 'leader' | 'read' | 'none' | 'garbage';

interface FuzzBody {
  kind: 'json' | 'raw' | 'multipart' | 'none';
  json?: unknown;
  raw?: string;
  file?: { content: Buffer; name: string } | null;
}

interface FuzzRequest {
  url: string;
  auth: Auth;
  idempotencyKey?: string;
  body: FuzzBody;
}

const dateString = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true });
const calendarDate = dateString.map((d) => d.toISOString().slice(0, 10));
const timestamp = dateString.map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+08:00'));
const junkString = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc.constantFrom('', ' ', HUGE, '２０２５－０１－０１', '𠮷野家', '\u202e', 'null', 'undefined', 'NaN', '-0', '1e400'),
);
const badQueryValue = fc.oneof(
  junkString,
  fc.constantFrom('abc', '-1', '0', '1.5', '99999999999999999999', '2025-02-30', '2025-13-01', '2025-1-1', '20250101', 'true', 'TRUE', '[]', '{}'),
  fc.integer().map(String),
);
/** Values of the wrong JSON type, deep junk and very long strings. */
const badJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  junkString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, BODY_HUGE, [null], { $gt: '' }, { __proto__: { admin: true } }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.string(), { maxLength: 5 }),
);

function fieldKind(name: string, path: string): keyof HardeningApp['ids'] | null {
  const n = name.replace(/Ids?$/, '').toLowerCase();
  if (name === 'id' || name === 'token') {
    const first = path.split('/')[1];
    const sub = path.split('/')[2];
    if (first === 'me' && sub === 'tokens') return 'apiTokens';
    if (first === 'me' && sub === 'notifications') return 'notifications';
    const map: Record<string, keyof HardeningApp['ids']> = {
      tasks: 'tasks',
      units: 'units',
      users: 'users',
      plans: 'plans',
      imports: 'imports',
      extensions: 'extensions',
      reminders: 'reminders',
    };
    return map[first] ?? null;
  }
  const byName: Record<string, keyof HardeningApp['ids']> = { task: 'tasks', unit: 'units', user: 'users', plan: 'plans', step: 'steps', parent: 'units' };
  return byName[n] ?? null;
}

const DATE_FIELDS = new Set(['dueAt', 'requestedDueAt', 'from', 'to', 'dueFrom', 'dueTo']);

/** A value the schema (and the field's meaning) accepts, as far as the document tells. */
function validValue(name: string, schema: Schema | undefined, w: HardeningApp, path: string, depth = 0): fc.Arbitrary<unknown> {
  const s = schema ?? {};
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const kind = fieldKind(name, path);
  if (s.type === 'array') {
    return fc.array(validValue(name, s.items, w, path, depth + 1), { minLength: 1, maxLength: 3 });
  }
  if (kind && (s.type === undefined || s.type === 'string' || s.format === 'uuid' || s.type === 'object')) {
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...w.ids[kind]) }, { weight: 1, arbitrary: fc.uuid() });
  }
  if (DATE_FIELDS.has(name)) return fc.oneof(calendarDate, timestamp);
  if (name === 'versions') {
    return fc.dictionary(fc.constantFrom(...w.ids.tasks), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 });
  }
  if (name === 'quietHours') return fc.constantFrom(null, { start: '22:00', end: '07:00' }, { start: '12:00', end: '13:30' });
  if (s.type === 'object' || s.properties) {
    if (depth > 4 || !s.properties) return fc.constant({});
    const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, validValue(k, v, w, path, depth + 1)]));
    return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  }
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'number' || s.type === 'integer' || ['page', 'limit', 'version', 'year', 'weekday', 'day'].includes(name)) {
    const limits: Record<string, [number, number]> = { version: [1, 4], page: [1, 3], limit: [1, 200], year: [2020, 2035], weekday: [1, 7], day: [1, 31], percent: [0, 100] };
    const [min, max] = limits[name] ?? [s.minimum ?? 0, s.maximum ?? 1000];
    return fc.integer({ min, max });
  }
  if (name === 'email') return fc.emailAddress();
  if (name === 'evidence') return fc.webUrl();
  if (name === 'offset') return fc.constantFrom('-P7D', '-P1D', 'P0D', 'P3D', '-PT2H');
  if (name === 'password') return fc.string({ minLength: 8, maxLength: 40 });
  if (name === 'username' || name === 'code') return fc.stringMatching(/^[a-z][a-z0-9_]{2,15}$/);
  const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
  return s.example !== undefined ? fc.oneof(fc.constant(s.example), text) : text;
}

/** A body for the schema: valid, or valid with one defect, or something else entirely. */
function jsonBody(schema: Schema, w: HardeningApp, path: string): fc.Arbitrary<FuzzBody> {
  const valid = validValue('', schema, w, path) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(schema.properties ?? {});
  const json = (a: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> => a.map((v) => ({ kind: 'json', json: v }));
  const defects: fc.Arbitrary<FuzzBody>[] = [
    json(valid.chain((b) => fc.record({ k: fc.string({ minLength: 1, maxLength: 12 }), v: badJsonValue }).map(({ k, v }) => ({ ...b, [k]: v })))),
    json(badJsonValue),
    fc.constantFrom<FuzzBody>(
      { kind: 'raw', raw: '{"a":' },
      { kind: 'raw', raw: 'not json' },
      { kind: 'raw', raw: '{"version": 1,}' },
      { kind: 'raw', raw: '[' + '['.repeat(5000) },
      { kind: 'raw', raw: `{"note": "${'a'.repeat(200_000)}"}` },
      { kind: 'none' },
    ),
  ];
  if (keys.length) {
    defects.push(
      json(valid.chain((b) => fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== k))))),
      json(valid.chain((b) => fc.tuple(fc.constantFrom(...keys), badJsonValue).map(([k, v]) => ({ ...b, [k]: v })))),
    );
  }
  return fc.oneof({ weight: 3, arbitrary: json(valid) }, { weight: 5, arbitrary: fc.oneof(...defects) });
}

const PLAN_TEXT = '2030年工作要点\n一、重点任务\n1. 建设平台。（牵头单位：市科技局；完成时限：2030年6月底前）\n';
const fileArb: fc.Arbitrary<FuzzBody> = fc.oneof(
  fc.constantFrom<FuzzBody>(
    { kind: 'multipart', file: { content: Buffer.from(PLAN_TEXT), name: 'plan.txt' } },
    { kind: 'multipart', file: { content: Buffer.alloc(0), name: 'empty.txt' } },
    { kind: 'multipart', file: { content: Buffer.from('PK\u0003\u0004garbage'), name: 'fake.docx' } },
    { kind: 'multipart', file: null },
    { kind: 'json', json: { file: 'x' } },
    { kind: 'none' },
  ),
  fc.tuple(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.txt', 'a.docx', 'a.xlsx', 'a.csv', 'a.html', 'a.exe', '../../a.txt', '')).map(
    ([bytes, name]): FuzzBody => ({ kind: 'multipart', file: { content: Buffer.from(bytes), name } }),
  ),
);

function pathValue(p: Parameter, op: Operation, w: HardeningApp): fc.Arbitrary<string> {
  const kind = fieldKind(p.name, op.path);
  const valid: fc.Arbitrary<string>[] = kind ? [fc.constantFrom(...w.ids[kind])] : [];
  if (op.path.startsWith('/calendar/')) valid.push(fc.constant(w.calendarPath.replace(/^\/calendar\/|\.ics$/g, '')));
  const bad = fc.oneof(fc.uuid(), junkString, fc.constantFrom('0', '-1', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'));
  return valid.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...valid) }, { weight: 2, arbitrary: bad }) : bad;
}

function queryString(params: Parameter[], op: Operation, w: HardeningApp): fc.Arbitrary<string> {
  if (!params.length) return fc.constantFrom('', '?unknown=1', '?q=%27%20OR%201%3D1%20--');
  const one = (p: Parameter) =>
    fc.option(
      fc.oneof(
        { weight: 3, arbitrary: validValue(p.name, p.schema, w, op.path).map((v) => [String(v)]) },
        { weight: 2, arbitrary: badQueryValue.map((v) => [v]) },
        { weight: 1, arbitrary: fc.array(badQueryValue, { minLength: 2, maxLength: 3 }) },
      ),
      { freq: 2 },
    );
  const record = Object.fromEntries(params.map((p) => [p.name, one(p)]));
  return fc.record(record).map((r) => {
    const parts: string[] = [];
    for (const [k, vs] of Object.entries(r)) for (const v of vs ?? []) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

function requestArb(op: Operation, w: HardeningApp): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p, op, w)]))).map((v) => fillPath(op.path, v as Record<string, string>));
  const auth = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Auth>('admin', 'sup', 'lead_staff') },
    { weight: 1, arbitrary: fc.constantFrom<Auth>('leader', 'read', 'none', 'garbage') },
  );
  const body: fc.Arbitrary<FuzzBody> = op.jsonBody
    ? jsonBody(op.jsonBody, w, op.path)
    : op.multipart
      ? fileArb
      : op.method === 'get' || op.method === 'delete'
        ? fc.constant<FuzzBody>({ kind: 'none' })
        : fc.oneof(fc.constant<FuzzBody>({ kind: 'none' }), badJsonValue.map((json): FuzzBody => ({ kind: 'json', json })));
  const takesKey = op.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  const key = takesKey ? fc.option(fc.oneof(fc.uuid(), junkString), { freq: 2 }) : fc.constant(null);
  return fc.record({ path, query: queryString(query, op, w), auth, body, key }).map(({ path, query, auth, body, key }) => ({
    url: path + query,
    auth,
    body,
    idempotencyKey: key ?? undefined,
  }));
}

const hasMessage = (body: unknown): boolean => {
  const m = (body as { message?: unknown } | null)?.message;
  if (typeof m === 'string') return m.trim().length > 0;
  return Array.isArray(m) && m.length > 0 && m.every((x) => typeof x === 'string' && x.trim().length > 0);
};

describe('API fuzzing: every OpenAPI operation, generated valid and invalid requests', () => {
  let w: HardeningApp;
  let ops: Operation[];
  // A test that outlives its timeout keeps running; stop it when the suite closes, or its requests
  // hold the run open after the app is gone ("Driver not Connected", and Jest never exits).
  let closing = false;

  beforeAll(async () => {
    w = await startHardeningApp();
    ops = await loadOperations(w.http);
  });
  afterAll(async () => {
    closing = true;
    await w?.close();
  });

  it('never answers 5xx, and every 4xx carries a JSON message', async () => {
    expect(ops.length).toBeGreaterThan(50);
    const RUNS = runsPer(ops.length);
    const credentials: Record<Auth, string | null> = {
      admin: w.tokens.admin,
      sup: w.tokens.sup,
      lead_staff: w.tokens.lead_staff,
      leader: w.tokens.leader,
      read: w.readToken,
      none: null,
      garbage: 'not.a.jwt',
    };
    const failures: string[] = [];
    const byStatus: Record<string, number> = {};
    let requests = 0;
    let fiveXx = 0;

    for (const [i, op] of ops.entries()) {
      const samples = fc.sample(requestArb(op, w), { numRuns: RUNS, seed: SEED + i });
      for (const r of samples) {
        if (closing) return;
        let req = w.http[op.method](r.url);
        const credential = credentials[r.auth];
        if (credential) req = req.set('Authorization', `Bearer ${credential}`);
        if (r.idempotencyKey !== undefined) req = req.set('Idempotency-Key', r.idempotencyKey.replace(/[^\x20-\x7e]/g, '?'));
        if (r.body.kind === 'json') req = req.set('Content-Type', 'application/json').send(JSON.stringify(r.body.json) ?? 'null');
        if (r.body.kind === 'raw') req = req.set('Content-Type', 'application/json').send(r.body.raw!);
        if (r.body.kind === 'multipart') {
          req = r.body.file ? req.attach('file', r.body.file.content, r.body.file.name || 'unnamed') : req.field('note', 'no file');
        }
        const res = await req;
        requests++;
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        const what = `${op.method.toUpperCase()} ${r.url.slice(0, 300)} as ${r.auth} body ${JSON.stringify(r.body.json ?? r.body.raw ?? r.body.file?.name ?? null)?.slice(0, 300)}`;
        // No worker runs in this test: the worker health check is meant to answer 503 then.
        const expected503 = op.path === '/health/worker' && res.status === 503 && res.body?.status === 'error';
        if (res.status >= 500 && !expected503) {
          fiveXx++;
          failures.push(`${res.status} ← ${what}`);
        } else if (res.status >= 400 && res.status < 500) {
          if (!/json/.test(res.headers['content-type'] ?? '') || !hasMessage(res.body)) {
            failures.push(`${res.status} without a JSON message (${res.headers['content-type']}: ${res.text?.slice(0, 200)}) ← ${what}`);
          }
        }
      }
    }

    console.log(
      `api-fuzz: ${requests} requests over ${ops.length} operations, ${fiveXx} 5xx (seed ${SEED}, ${RUNS} per operation; ` +
        `statuses ${JSON.stringify(byStatus)})`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBe(ops.length * RUNS);
  }, 300_000);

  it.each([
    ['GET', '/plans?q=a%00b'],
    ['GET', '/tasks?q=a%00b'],
    ['GET', '/units?q=a%00b'],
    ['GET', '/users?q=a%00b'],
    ['POST', '/tasks/:id/comments'],
    ['POST', '/units'],
  ])('a NUL character in text (%s %s) is a 400 that says so, and nothing is saved', async (method, path) => {
    const url = path.replace(':id', w.taskIds['1']);
    const before = await w.ds.query(`SELECT (SELECT count(*) FROM comments) AS c, (SELECT count(*) FROM units) AS u`);
    const body = path.endsWith('comments') ? { body: 'a\u0000b' } : { code: 'nul_unit', name: '市\u0000局' };
    const res =
      method === 'GET'
        ? await w.http.get(url).set('Authorization', `Bearer ${w.tokens.admin}`)
        : await w.http.post(url).set('Authorization', `Bearer ${w.tokens[path === '/units' ? 'admin' : 'lead_staff']}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/U\+0000/);
    expect(await w.ds.query(`SELECT (SELECT count(*) FROM comments) AS c, (SELECT count(*) FROM units) AS u`)).toEqual(before);
  });

  it('covers every operation the document lists, including the ones without parameters', () => {
    const names = ops.map(opName);
    for (const must of ['GET /tasks', 'POST /tasks/{id}/progress', 'GET /reports/trend', 'POST /imports', 'DELETE /users/{id}', 'GET /calendar/{token}.ics']) {
      expect(names).toContain(must);
    }
  });
});
