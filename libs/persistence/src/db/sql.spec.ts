import { sql } from './sql';

describe('sql tagged template', () => {
  it('binds values in the order they appear and inlines fragments', () => {
    const plan = 'p1';
    const where = sql.where([sql`t.plan_id = ${plan}`, sql`t.status = ${'open'}`]);
    expect(sql`SELECT id FROM tasks t ${where} LIMIT ${10}`.compile()).toEqual({
      text: 'SELECT id FROM tasks t WHERE t.plan_id = $1 AND t.status = $2 LIMIT $3',
      values: ['p1', 'open', 10],
    });
  });

  it('gives a param one placeholder wherever it is used', () => {
    const today = sql.param('2025-01-01');
    expect(sql`${today}::date, ${today}::date + ${1}`.compile()).toEqual({ text: '$1::date, $1::date + $2', values: ['2025-01-01', 1] });
  });

  it('binds nothing for a fragment left out, and nothing for an empty WHERE', () => {
    const withFilter = (on: boolean) => sql`SELECT 1 ${sql.where([])}${on ? sql`AND ${'unused'}` : sql.empty}`.compile();
    const q = withFilter(false);
    expect(q).toEqual({ text: 'SELECT 1 ', values: [] });
    expect(withFilter(true)).toEqual({ text: 'SELECT 1 AND $1', values: ['unused'] });
  });

  it('keeps raw text as text and joins with the separator', () => {
    expect(sql`ORDER BY ${sql.raw('t.code')} ${sql.raw('DESC')}`.compile().text).toBe('ORDER BY t.code DESC');
    expect(sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`], ' OR ').compile()).toEqual({ text: 'a = $1 OR b = $2 OR c = $3', values: [1, 2, 3] });
  });

  it('treats a value that looks like SQL as a value', () => {
    expect(sql`WHERE name = ${"x'; DROP TABLE tasks; --"}`.compile()).toEqual({ text: 'WHERE name = $1', values: ["x'; DROP TABLE tasks; --"] });
  });
});
