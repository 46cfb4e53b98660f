// What every connection of the app's pool is set up with: its schema, and no JIT (data-source.ts says why).
import { Db, openDataSource, sql } from '@app/persistence';
import { openTestDatabase, TEST_DATABASE_URL } from '../support/database';

describe('the data source', () => {
  it('opens every pooled connection in the schema, with JIT off', async () => {
    const db = await openTestDatabase();
    // Four connections held at once: each query runner keeps its own until released.
    const runners = Array.from({ length: 4 }, () => db.ds.createQueryRunner());
    try {
      await Promise.all(runners.map((qr) => qr.connect()));
      const rows = await Promise.all(
        runners.map(async (qr) => ((await qr.query(`SELECT current_setting('jit') AS jit, current_schema() AS schema, pg_backend_pid() AS pid`)) as { jit: string; schema: string; pid: number }[])[0]),
      );
      expect(new Set(rows.map((r) => r.pid)).size).toBe(4);
      expect(rows.map(({ jit, schema }) => ({ jit, schema }))).toEqual(Array(4).fill({ jit: 'off', schema: db.schema }));
    } finally {
      await Promise.all(runners.map((qr) => qr.release()));
      await db.close();
    }
  });

  it('runs a report statement as a named prepared statement, prepared once per connection; unnamed where named statements are off', async () => {
    const db = await openTestDatabase();
    // One connection each, so pg_prepared_statements shows what that connection prepared.
    const named = await openDataSource({ url: TEST_DATABASE_URL, schema: db.schema, poolSize: 1 });
    const unnamed = await openDataSource({ url: TEST_DATABASE_URL, schema: db.schema, poolSize: 1, namedStatements: false });
    const prepared = async (ds: typeof named) =>
      ((await ds.query(`SELECT name, statement FROM pg_prepared_statements`)) as { name: string; statement: string }[]).filter((p) => p.name.startsWith('duban_'));
    try {
      for (const ds of [named, unnamed]) {
        const run = (n: number) => Db.standalone(ds).queryPrepared<{ n: number; schema: string }>(sql`SELECT ${n}::int + 1 AS n, current_schema() AS schema`);
        expect([...(await run(1)), ...(await run(41))]).toEqual([
          { n: 2, schema: db.schema },
          { n: 42, schema: db.schema },
        ]);
      }
      const [a, b] = [await prepared(named), await prepared(unnamed)];
      expect(a.map((p) => p.statement)).toEqual(['SELECT $1::int + 1 AS n, current_schema() AS schema']);
      expect(b).toEqual([]);
    } finally {
      await Promise.all([named.destroy(), unnamed.destroy()]);
      await db.close();
    }
  });
});
