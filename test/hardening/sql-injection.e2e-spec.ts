import { HardeningApp, startHardeningApp } from './hardening-fixture';
import { fillPath, loadOperations, Operation, opName } from './openapi';

const PAYLOADS = [
  `' OR 1=1 --`,
  `' OR '1'='1`,
  `%' OR '1'='1`,
  `1; DROP TABLE tasks`,
  `'; DROP TABLE tasks; --`,
  `1' UNION SELECT username, password_hash, null FROM users --`,
  `'); DELETE FROM audit_events; --`,
  `1 AND (SELECT pg_sleep(5)) IS NULL`,
  `dueAt:asc; DROP TABLE tasks`,
  `2025-01-01'::date OR '1'='1`,
  `00000000-0000-0000-0000-000000000000' OR '1'='1`,
  `\\'; SELECT 1; --`,
  `$1`,
];

/** The filter parameters the issue names; the walk below must reach each of them. */
const NAMED = ['q', 'planId', 'unitId', 'status', 'light', 'overdue', 'sort', 'dueFrom', 'dueTo', 'page', 'limit', 'interval', 'format', 'from', 'to'];

/** Every table of the schema with its row count, and a digest of the rows that matter most. */
async function snapshot(w: HardeningApp): Promise<Record<string, string>> {
  const tables = (await w.ds.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`, [
    w.schema,
  ])) as { t: string }[];
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    if (t === 'migrations') continue;
    const [r] = (await w.ds.query(`SELECT count(*)::int AS n FROM "${w.schema}"."${t}"`)) as { n: number }[];
    out[t] = String(r.n);
  }
  for (const t of ['tasks', 'users', 'units', 'plans', 'assignments', 'audit_events']) {
    const [r] = (await w.ds.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${w.schema}"."${t}" x`)) as { h: string }[];
    out[`${t} digest`] = r.h;
  }
  return out;
}

describe('SQL injection in every filter parameter', () => {
  let w: HardeningApp;
  let gets: Operation[];
  const as = (user: string) => ({ Authorization: `Bearer ${w.tokens[user]}` });

  beforeAll(async () => {
    w = await startHardeningApp();
    gets = (await loadOperations(w.http)).filter((op) => op.method === 'get' && op.parameters.some((p) => p.in === 'query'));
  });
  afterAll(async () => {
    await w?.close();
  });

  it('answers 400 (or 200 for free text), never 5xx, and leaves every table as it was', async () => {
    const before = await snapshot(w);
    const reached = new Set<string>();
    const failures: string[] = [];
    let requests = 0;
    for (const op of gets) {
      const path = fillPath(op.path, { id: w.taskIds['1'], token: 'x' });
      for (const param of op.parameters.filter((p) => p.in === 'query')) {
        reached.add(param.name);
        for (const payload of PAYLOADS) {
          for (const user of ['admin', 'lead_staff']) {
            const res = await w.http.get(path).query({ [param.name]: payload }).set(as(user));
            requests++;
            // Free text is searched as text; every other parameter has a shape the payload breaks.
            // A unit's staff may not call some routes at all (directory, people report): a role 403.
            const roleRefused = res.status === 403 && user === 'lead_staff' && /requires one of the roles|unit heads/.test(String(res.body.message));
            const ok = roleRefused || (param.name === 'q' ? res.status === 200 : res.status === 400);
            if (!ok) failures.push(`${res.status} ${opName(op)} ${param.name}=${payload} as ${user}: ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
      }
    }
    console.log(`sql-injection: ${requests} requests over ${gets.length} list/report operations`);
    expect(failures).toEqual([]);
    expect([...NAMED].filter((n) => !reached.has(n))).toEqual([]);
    expect(await snapshot(w)).toEqual(before);
  }, 360_000); // thousands of requests: on a loaded two-core machine they take longer than one test usually may

  it.each(['/tasks', '/reports/summary', '/reports/units', '/reports/appraisal', '/reports/people', '/reports/overdue', '/reports/indicators', '/reports/trend', '/reports/weekly.xlsx'])(
    'GET %s with valid filters for a unit-scoped caller and for admin answers 200',
    async (path) => {
      // Valid values for the same parameters, so a 400 above is about the payload, not the route.
      const query: Record<string, string> = { planId: w.planId, unitId: w.unitIds.kjj, from: '2030-01-01', to: '2030-12-31' };
      if (path === '/tasks') Object.assign(query, { dueFrom: '2030-01-01', dueTo: '2030-12-31', status: 'assigned', sort: 'code:desc', q: '科技', page: '1', limit: '5' });
      for (const user of ['admin', 'lead_head', 'lead_staff']) {
        const res = await w.http.get(path).query(path === '/tasks' ? { ...query, from: undefined, to: undefined } : query).set(as(user));
        const expected = path === '/reports/people' && user === 'lead_staff' ? 403 : 200;
        expect({ user, status: res.status }).toEqual({ user, status: expected });
      }
    },
  );

  it.each([
    ['/tasks', `%' OR '1'='1`],
    ['/tasks', `' OR 1=1 --`],
    ['/tasks', '%'],
    ['/tasks', '_'],
    ['/units', `%' OR '1'='1`],
    ['/users', `%' OR '1'='1`],
    ['/plans', `%' OR '1'='1`],
    ['/plans', '%'],
  ])('GET %s?q=%s searches for the text: no rows match', async (path, q) => {
    const all = await w.http.get(path).set(as('admin')).expect(200);
    expect(all.body.total).toBeGreaterThan(0);
    const res = await w.http.get(path).query({ q }).set(as('admin')).expect(200);
    expect(res.body).toMatchObject({ total: 0, items: [] });
  });

  it('finds an item whose title holds the same characters, so q really is a text search', async () => {
    const id = w.taskIds['3'];
    const [{ title }] = await w.ds.query(`SELECT title FROM tasks WHERE id = $1`, [id]);
    await w.ds.query(`UPDATE tasks SET title = $1 WHERE id = $2`, [`推进产学研合作 %' OR '1'='1`, id]);
    try {
      const res = await w.http.get('/tasks').query({ q: `%' OR '1'='1` }).set(as('admin')).expect(200);
      expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    } finally {
      // The searches above expect no title to hold the payload, whichever order the tests run in.
      await w.ds.query(`UPDATE tasks SET title = $1 WHERE id = $2`, [title, id]);
    }
  });
});
