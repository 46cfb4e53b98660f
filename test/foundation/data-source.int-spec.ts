// What every connection of the app's pool is set up with: its schema, and no JIT (data-source.ts says why).
import { openTestDatabase } from '../support/database';

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
});
