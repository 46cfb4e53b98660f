import { Client } from 'pg';
import { TEST_DATABASE_URL } from './database';
import { ENTRY, runApp } from './processes';

/** Runs the compiled CLI to its end against a test schema (more variables in `env`): exit code and output. */
export async function runCli(schema: string, args: string[], env: Record<string, string> = {}) {
  const run = runApp(ENTRY.cli, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, ...env }, args);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** The rows of a table in a test schema (`where` narrows them), counted on a connection of its own. */
export async function countRows(schema: string, table: string, where?: string): Promise<number> {
  const c = new Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*)::int AS n FROM ${schema}.${table}${where ? ` WHERE ${where}` : ''}`)).rows[0].n);
  } finally {
    await c.end();
  }
}
