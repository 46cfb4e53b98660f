import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { FileBytes, FileRestorer, fileRowsOf, writeFileSections } from './backup-files';

/** Tables a fresh database already holds rows of, from its migrations; a restore replaces their rows. */
const SEEDED_BY_MIGRATIONS = ['calendar_days', 'calendar_years'];
/**
 * Tables kept by triggers from other tables (the report counts): neither dumped nor restored, since
 * restoring the rows they count rebuilds them (and emptying those tables empties them).
 */
const DERIVED = ['report_item_counts', 'report_unit_counts', 'report_ack_counts', 'report_trend_counts', 'report_unit_classes', 'report_behind_counts', 'report_indicator_targets', 'report_indicator_counts', 'report_notice_counts', 'report_due_days', 'report_appraisal_days', 'report_unit_days', 'report_late_acks', 'ack_deadlines', 'ack_deadline_sync', 'report_unit_rollup', 'report_unit_rollup_month'];

/**
 * Logical backups as gzipped JSON lines: a header, then one line per row, tables in foreign-key
 * order, then the bytes of every stored file (backup-files.ts). Works the same on PostgreSQL and the
 * embedded PGlite (pg_dump cannot reach the latter), and a restore checks that the schema (the
 * applied migrations) is the same. Format 1 (before files) is still restored.
 */
export const BACKUP_FORMAT = 'duban-backup/2';
const RESTORABLE = ['duban-backup/1', BACKUP_FORMAT];

interface Header {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
  /** Stored files whose bytes follow the tables (format 2). */
  files?: { count: number; bytes: number };
}

interface TableInfo {
  name: string;
  /** Column referencing the table itself (units.parent_id): rows are ordered parents first. */
  selfReference: string | null;
}

export class BackupError extends Error {}

/** Tables of the current schema, each after the tables it references. */
async function tablesInOrder(m: EntityManager): Promise<TableInfo[]> {
  const tables: { name: string }[] = await m.query(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND c.relname <> 'migrations'
        AND c.relname <> ALL ($1)
      ORDER BY c.relname`,
    [DERIVED],
  );
  const fks: { child: string; parent: string; column: string }[] = await m.query(
    `SELECT c.relname AS child, p.relname AS parent, a.attname AS column
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`,
  );
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name)) return;
    if (path.has(name)) throw new BackupError(`foreign-key cycle through ${name}`);
    path.add(name);
    for (const fk of fks) if (fk.child === name && fk.parent !== name) visit(fk.parent, path);
    path.delete(name);
    done.add(name);
    ordered.push({ name, selfReference: fks.find((fk) => fk.child === name && fk.parent === name)?.column ?? null });
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered;
}

const migrationsOf = async (m: EntityManager): Promise<string[]> =>
  (await m.query(`SELECT name FROM migrations ORDER BY id`)).map((r: { name: string }) => r.name);

function parentsFirst(rows: Record<string, unknown>[], column: string): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  const place = (r: Record<string, unknown>, depth = 0) => {
    if (placed.has(r.id) || depth > rows.length) return;
    const parent = r[column] != null ? byId.get(r[column]) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(r.id);
    out.push(r);
  };
  rows.forEach((r) => place(r));
  return out;
}

export async function backupDatabase(
  ds: DataSource,
  file: string,
  progress: (s: string) => void = () => {},
  bytes?: FileBytes,
): Promise<Header> {
  // One repeatable-read snapshot, so the backup is consistent while the app keeps running.
  return ds.transaction('REPEATABLE READ', async (m) => {
    const tables = await tablesInOrder(m);
    const counts: Header['tables'] = [];
    for (const t of tables) {
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM "${t.name}"`);
      counts.push({ name: t.name, rows: n });
    }
    const fileRows = bytes ? await fileRowsOf(m) : [];
    const header: Header = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: await migrationsOf(m),
      tables: counts,
      files: { count: fileRows.length, bytes: fileRows.reduce((n, r) => n + Number(r.size), 0) },
    };
    const gzip = createGzip();
    const out = gzip.pipe(createWriteStream(file));
    const write = async (line: string) => {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
    };
    await write(JSON.stringify(header));
    for (const t of tables) {
      let rows: Record<string, unknown>[] = (await m.query(`SELECT row_to_json(x) AS r FROM "${t.name}" x`)).map(
        (r: { r: Record<string, unknown> }) => r.r,
      );
      if (t.selfReference) rows = parentsFirst(rows, t.selfReference);
      for (const r of rows) await write(JSON.stringify({ t: t.name, r }));
      progress(`${t.name}: ${rows.length} rows`);
    }
    if (bytes) await writeFileSections(fileRows, bytes, write, progress);
    gzip.end();
    await once(out, 'finish');
    return header;
  });
}

/**
 * Restores into this database in one transaction: all or nothing. The target must be migrated to
 * the same migrations and be empty, unless `replace` is given (then its rows are removed first).
 */
export async function restoreDatabase(
  ds: DataSource,
  file: string,
  opts: { replace: boolean; bytes?: FileBytes },
  progress: (s: string) => void = () => {},
): Promise<{ rows: number; files: number }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let first: IteratorResult<string>;
  try {
    first = await iterator.next();
  } catch (e) {
    throw new BackupError(`${file} is not a Duban backup (${(e as Error).message})`);
  }
  let header: Header;
  try {
    header = JSON.parse(first.value ?? '');
  } catch {
    throw new BackupError(`${file} is not a Duban backup (line 1 is not JSON)`);
  }
  if (!RESTORABLE.includes(header.format)) throw new BackupError(`${file}: unknown backup format ${JSON.stringify(header.format)}`);
  const expectedFiles = header.files?.count ?? 0;
  if (expectedFiles > 0 && !opts.bytes) throw new BackupError(`${file} holds ${expectedFiles} files but no file store was given`);
  let lineNo = 1;
  const files = opts.bytes ? new FileRestorer(opts.bytes, (detail) => new BackupError(`${file}: line ${lineNo}: ${detail}`)) : null;
  let replacedKeys: string[] = [];
  const result = await ds.transaction(async (m) => {
    const mine = await migrationsOf(m);
    if (JSON.stringify(mine) !== JSON.stringify(header.migrations)) {
      throw new BackupError(
        `the backup was made at migration ${header.migrations.at(-1)}, this database is at ${mine.at(-1)}; ` +
          'restore with the Duban version that made it',
      );
    }
    const tables = await tablesInOrder(m);
    if (opts.replace && files) replacedKeys = (await fileRowsOf(m)).map((r) => r.key);
    if (opts.replace) {
      // The audit log refuses TRUNCATE except while a restore replaces the whole database (this transaction).
      await m.query(`SET LOCAL duban.restoring = 'on'`);
      await m.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`);
    } else {
      for (const t of tables) {
        // Reference data the migrations seed (the working-day calendar) is there in every new database; the
        // backup carries the office's own version of it, which replaces the seed.
        if (SEEDED_BY_MIGRATIONS.includes(t.name)) continue;
        const [{ any }] = await m.query(`SELECT EXISTS (SELECT 1 FROM "${t.name}") AS any`);
        if (any) throw new BackupError(`table ${t.name} is not empty; restore into an empty database or pass --replace`);
      }
      for (const name of SEEDED_BY_MIGRATIONS) await m.query(`DELETE FROM "${name}"`);
    }
    let rows = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      lineNo++;
      if (!next.value) continue;
      let row: { t: string; r: Record<string, unknown>; f?: string; c?: string };
      try {
        row = JSON.parse(next.value);
      } catch {
        throw new BackupError(`${file}: line ${lineNo} is not JSON`);
      }
      if (files && row.f !== undefined) {
        await files.begin(row as unknown as { f: string });
        continue;
      }
      if (files && row.c !== undefined) {
        await files.chunk(row.c);
        continue;
      }
      if (!tables.some((t) => t.name === row.t)) throw new BackupError(`${file}: line ${lineNo}: unknown table ${row.t}`);
      await m.query(`INSERT INTO "${row.t}" SELECT * FROM json_populate_record(NULL::"${row.t}", $1::json)`, [JSON.stringify(row.r)]);
      rows++;
      if (rows % 10_000 === 0) progress(`${rows} rows restored`);
    }
    // Serial columns continue after the restored ids.
    const serials: { t: string; c: string }[] = await m.query(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      await m.query(
        `SELECT setval(pg_get_serial_sequence('"${s.t}"', '${s.c}'), COALESCE((SELECT max("${s.c}") FROM "${s.t}"), 0) + 1, false)`,
      );
    }
    const expected = header.tables.reduce((n, t) => n + t.rows, 0);
    if (rows !== expected) throw new BackupError(`${file} is truncated: ${rows} of ${expected} rows`);
    if (files) {
      if (files.open || files.seen.size !== expectedFiles) throw new BackupError(`${file} is truncated: ${files.seen.size} of ${expectedFiles} files`);
      // Rows whose bytes were already gone when the backup was made would point at nothing.
      if (files.missing.length) await m.query(`DELETE FROM files WHERE storage_key = ANY($1)`, [files.missing]);
      progress(`${files.seen.size - files.missing.length} files restored`);
    }
    return { rows, files: files ? files.seen.size - files.missing.length : 0 };
  }).catch(async (e) => {
    await files?.undo();
    throw e;
  });
  // The replaced database's files that the backup does not hold are no one's now.
  if (files) for (const k of replacedKeys) if (!files.seen.has(k)) await opts.bytes!.delete(k).catch(() => undefined);
  return result;
}
