import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../support/database';
import { HardeningApp, startHardeningApp } from './hardening-fixture';
import { loadOperations, opName } from './openapi';

describe('the audit log cannot be edited', () => {
  let w: HardeningApp;
  const as = (user: string) => ({ Authorization: `Bearer ${w.tokens[user]}` });

  beforeAll(async () => {
    w = await startHardeningApp();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('no operation of the API document changes or deletes history', async () => {
    const ops = await loadOperations(w.http);
    const writes = ops.filter((op) => op.method !== 'get').map(opName);
    expect(writes.filter((n) => /history|audit/i.test(n))).toEqual([]);
    // The only history route is a read.
    expect(ops.filter((op) => /history|audit/i.test(op.path)).map(opName)).toEqual(['GET /tasks/{id}/history']);
  });

  it.each(['put', 'patch', 'delete', 'post'] as const)('%s /tasks/:id/history is refused and changes nothing', async (method) => {
    const path = `/tasks/${w.taskIds['1']}/history`;
    const before = await w.http.get(path).query({ limit: 200 }).set(as('admin')).expect(200);
    expect(before.body.total).toBeGreaterThan(0);
    const firstId = before.body.items[0].id;
    for (const target of [path, `${path}/${firstId}`]) {
      const res = await w.http[method](target).set(as('admin')).send({ action: 'forged', after: {} });
      expect([404, 405]).toContain(res.status);
      expect(res.body.message).toEqual(expect.any(String));
    }
    const after = await w.http.get(path).query({ limit: 200 }).set(as('admin')).expect(200);
    expect(after.body).toEqual(before.body);
  });

  describe('in the database', () => {
    let c: Client;
    beforeAll(async () => {
      c = new Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`SET search_path TO ${w.schema}`);
    });
    afterAll(async () => {
      await c?.end();
    });

    const count = async () => ((await c.query(`SELECT count(*)::int AS n, md5(string_agg(a::text, '|' ORDER BY id)) AS h FROM audit_events a`)).rows[0] as { n: number; h: string });

    it('has the append-only triggers (rows and TRUNCATE)', async () => {
      const { rows } = await c.query(
        `SELECT tgname, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = $1 AND r.relname = 'audit_events' AND NOT t.tgisinternal`,
        [w.schema],
      );
      expect(rows.sort((a, b) => a.tgname.localeCompare(b.tgname))).toEqual([
        { tgname: 'audit_events_no_change', def: expect.stringMatching(/BEFORE DELETE OR UPDATE ON .*audit_events FOR EACH ROW/) },
        { tgname: 'audit_events_no_truncate', def: expect.stringMatching(/BEFORE TRUNCATE ON .*audit_events FOR EACH STATEMENT/) },
      ]);
    });

    it.each([
      ['UPDATE one row', `UPDATE audit_events SET action = 'forged' WHERE id = (SELECT min(id) FROM audit_events)`],
      ['UPDATE every row', `UPDATE audit_events SET after = '{}'::jsonb`],
      ['DELETE one row', `DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`],
      ['DELETE every row', `DELETE FROM audit_events`],
      ['TRUNCATE', `TRUNCATE audit_events`],
      ['TRUNCATE with the tables that reference it', `TRUNCATE audit_events CASCADE`],
    ])('refuses %s', async (_, sql) => {
      const before = await count();
      expect(before.n).toBeGreaterThan(0);
      await expect(c.query(sql)).rejects.toThrow(/audit_events is append-only/);
      expect(await count()).toEqual(before);
    });

    it('still accepts new events (append-only, not read-only)', async () => {
      const before = await count();
      await c.query(`INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('test.append', 'test', 'x')`);
      expect((await count()).n).toBe(before.n + 1);
    });
  });
});
