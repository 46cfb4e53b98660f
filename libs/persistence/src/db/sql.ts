/**
 * SQL with bound parameters, written as a template: sql`SELECT … WHERE t.plan_id = ${planId}`.
 * An interpolated Sql is inlined (fragments compose), a Param is one placeholder however often it
 * is used, sql.raw() is trusted text (identifiers, keywords), anything else becomes a new $n.
 * compile() numbers the placeholders in the order they appear, so a parameter exists only if the
 * text uses it.
 */
export class Sql {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  compile(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const numbered = new Map<Param, string>();
    const walk = (s: Sql): string => {
      let text = s.parts[0];
      s.values.forEach((v, i) => {
        if (v instanceof Sql) text += walk(v);
        else if (v instanceof Param) {
          let n = numbered.get(v);
          if (!n) {
            values.push(v.value);
            n = `$${values.length}`;
            numbered.set(v, n);
          }
          text += n;
        } else {
          values.push(v);
          text += `$${values.length}`;
        }
        text += s.parts[i + 1];
      });
      return text;
    };
    return { text: walk(this), values };
  }
}

/** A value bound once and referred to wherever it is interpolated. */
export class Param {
  constructor(readonly value: unknown) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql([...strings], values);
}

/** Trusted SQL text: never a user's value. */
sql.raw = (text: string): Sql => new Sql([text], []);
sql.param = (value: unknown): Param => new Param(value);
sql.empty = new Sql([''], []);
sql.join = (items: readonly Sql[], separator: string): Sql =>
  items.length ? new Sql(['', ...items.slice(1).map(() => separator), ''], items) : sql.empty;
/** `WHERE a AND b …`, or nothing without clauses. */
sql.where = (clauses: readonly Sql[]): Sql => (clauses.length ? sql`WHERE ${sql.join(clauses, ' AND ')}` : sql.empty);
