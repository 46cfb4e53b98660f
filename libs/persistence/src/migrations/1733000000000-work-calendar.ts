import { MigrationInterface, QueryRunner } from 'typeorm';
import { calendarFromChineseDays, ChineseDaysData } from '@app/domain';

/**
 * The working-day calendar moves into the database, where an admin keeps it: chinese-days stops at
 * the year it was published, and a city has rest days of its own. Seeded from the installed package
 * for every year it covers. A change writes its year's row with a revision above every other, so
 * processes can cache the calendar and notice a change with one small query.
 */
export class WorkCalendar1733000000000 implements MigrationInterface {
  name = 'WorkCalendar1733000000000';

  async up(q: QueryRunner): Promise<void> {
    // A sequence, not max + 1: a rolled-back change must never hand its revision to the next one.
    await q.query(`CREATE SEQUENCE calendar_revision_seq`);
    await q.query(`
      CREATE TABLE calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
        complete boolean NOT NULL DEFAULT false,
        source text NOT NULL,
        revision bigint NOT NULL DEFAULT nextval('calendar_revision_seq'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        year int NOT NULL REFERENCES calendar_years(year),
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday', 'local_rest')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (year = extract(year FROM date))
      )`);
    // One inbox notice per missing year, whatever number of workers look.
    await q.query(`CREATE TABLE calendar_missing_notices (year int PRIMARY KEY, notified_at timestamptz NOT NULL DEFAULT now())`);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data: ChineseDaysData = require('chinese-days/dist/chinese-days.json');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version: string = require('chinese-days/package.json').version;
    const { days, years } = calendarFromChineseDays(data, `chinese-days@${version}`);
    await q.query(`INSERT INTO calendar_years (year, complete, source) SELECT y, true, $2 FROM unnest($1::int[]) AS y`, [
      years.map((y) => y.year),
      `chinese-days@${version}`,
    ]);
    await q.query(
      `INSERT INTO calendar_days (date, year, kind, name, source)
       SELECT d, extract(year FROM d)::int, k, n, s FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) AS x(d, k, n, s)
       WHERE extract(year FROM d)::int IN (SELECT year FROM calendar_years)`,
      [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), days.map((d) => d.source)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_missing_notices`);
    await q.query(`DROP TABLE IF EXISTS calendar_days`);
    await q.query(`DROP TABLE IF EXISTS calendar_years`);
    await q.query(`DROP SEQUENCE IF EXISTS calendar_revision_seq`);
  }
}
