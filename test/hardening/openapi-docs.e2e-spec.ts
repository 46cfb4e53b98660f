import { writeFileSync } from 'node:fs';
import { startTestApi, TestApi } from '../support/api-app';

// The OpenAPI document at /docs is the contract integrators read: every operation must say what
// it answers on success and on the usual errors. This walks the served document, so a handler
// added without response docs fails here. OPENAPI_DUMP=path writes the document for inspection.

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  example?: unknown;
  examples?: unknown;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
  format?: string;
}

interface Media {
  schema?: SchemaNode;
  example?: unknown;
  examples?: unknown;
}

interface ResponseObject {
  description?: string;
  content?: Record<string, Media>;
}

interface OperationObject {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, Media> };
  responses?: Record<string, ResponseObject>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, SchemaNode> };
}

interface Op {
  name: string;
  path: string;
  op: OperationObject;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const JSON_TYPE = 'application/json';

/** Operations anyone may call: login, token refresh, web sessions (cookie), health checks, signed mail links and calendar feeds. */
const PUBLIC_OPERATIONS = [
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /auth/session',
  'POST /auth/session/refresh',
  'POST /auth/session/logout',
  'GET /health',
  'GET /health/worker',
  'GET /ack/{token}/item',
  'POST /ack/{token}',
  'GET /calendar/{token}.ics',
].sort();

describe('OpenAPI documentation (/docs/openapi.json)', () => {
  let api: TestApi;
  let doc: OpenApiDocument;
  let ops: Op[];

  beforeAll(async () => {
    api = await startTestApi();
    const res = await api.http.get('/docs/openapi.json').expect(200);
    doc = res.body as OpenApiDocument;
    if (process.env.OPENAPI_DUMP) writeFileSync(process.env.OPENAPI_DUMP, JSON.stringify(doc, null, 2));
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ name: `${m.toUpperCase()} ${path}`, path, op: item[m] })),
    );
  });
  afterAll(() => api.close());

  const deref = (s: SchemaNode | undefined): SchemaNode | undefined => {
    if (!s?.$ref) return s;
    const target = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`dangling $ref ${s.$ref}`);
    return deref(target);
  };

  /** Every schema reachable from s (itself, properties, items, allOf/oneOf/anyOf), refs resolved once each. */
  const walk = (s: SchemaNode | undefined, visit: (n: SchemaNode, path: string) => void, path = '', seen = new Set<string>()) => {
    if (!s) return;
    if (s.$ref) {
      if (seen.has(s.$ref)) return;
      seen.add(s.$ref);
    }
    const n = deref(s)!;
    visit(n, path);
    for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, visit, `${path}.${k}`, seen);
    if (n.items) walk(n.items, visit, `${path}[]`, seen);
    if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, visit, `${path}{}`, seen);
    for (const sub of [...(n.allOf ?? []), ...(n.oneOf ?? []), ...(n.anyOf ?? [])]) walk(sub, visit, path, seen);
  };

  const hasType = (s: SchemaNode) => !!(s.$ref || s.type || s.allOf || s.oneOf || s.anyOf || s.enum);

  const problems = (check: (o: Op) => string[]) => ops.flatMap((o) => check(o).map((p) => `${o.name}: ${p}`));

  it('serves a document with the operations of every feature', () => {
    const prefixes = new Set(ops.map((o) => o.path.split('/')[1]));
    for (const p of ['auth', 'me', 'units', 'users', 'plans', 'imports', 'tasks', 'extensions', 'reminders', 'reports', 'calendar', 'health', 'ack']) {
      expect(prefixes).toContain(p);
    }
    expect(ops.length).toBeGreaterThan(50);
  });

  it('gives every operation a summary', () => {
    expect(problems((o) => (o.op.summary?.trim() ? [] : ['no summary']))).toEqual([]);
  });

  it('documents a success response with a schema (or a non-JSON content type) for every operation', () => {
    expect(
      problems(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (!ok.length) return ['no 2xx response'];
        const documented = ok.some(([status, r]) => {
          if (status === '204') return !r.content && !!r.description?.trim();
          return Object.entries(r.content ?? {}).some(([type, media]) => (type === JSON_TYPE ? !!media.schema && hasType(deref(media.schema)!) : true));
        });
        return documented ? [] : [`2xx responses without a schema: ${ok.map(([s]) => s).join(', ')}`];
      }),
    ).toEqual([]);
  });

  it('types and explains every property of the JSON success bodies', () => {
    expect(
      problems(({ op }) => {
        const out: string[] = [];
        for (const [status, r] of Object.entries(op.responses ?? {})) {
          if (!/^2\d\d$/.test(status)) continue;
          const schema = r.content?.[JSON_TYPE]?.schema;
          walk(schema, (n, path) => {
            for (const [k, v] of Object.entries(n.properties ?? {})) {
              const p = deref(v)!;
              if (!hasType(v) && !hasType(p)) out.push(`${status} ${path}.${k} has no type`);
              if (!v.$ref && !p.items?.$ref && p.description === undefined && p.example === undefined && !p.properties && !p.allOf) {
                out.push(`${status} ${path}.${k} has neither a description nor an example`);
              }
            }
          });
        }
        return out;
      }),
    ).toEqual([]);
  });

  it('documents 401 on every operation that needs a bearer token, and only the known ones are public', () => {
    expect(ops.filter((o) => !o.op.security?.length).map((o) => o.name).sort()).toEqual(PUBLIC_OPERATIONS);
    expect(problems(({ op }) => (op.security?.length && !op.responses?.['401'] ? ['no 401 response'] : []))).toEqual([]);
  });

  it('documents 404 on every operation with a path parameter', () => {
    expect(problems(({ path, op }) => (/\{\w+\}/.test(path) && !op.responses?.['404'] ? ['no 404 response'] : []))).toEqual([]);
  });

  it('describes errors with the shared error body ({statusCode, message}; currentVersion on 409, allowed on 422)', () => {
    expect(
      problems(({ op }) => {
        const out: string[] = [];
        for (const [status, r] of Object.entries(op.responses ?? {})) {
          if (!/^4\d\d$/.test(status)) continue;
          const media = r.content?.[JSON_TYPE];
          const props: Record<string, SchemaNode> = {};
          walk(media?.schema, (n) => Object.assign(props, n.properties ?? {}));
          const need = ['statusCode', 'message', ...(status === '409' ? ['currentVersion'] : []), ...(status === '422' ? ['allowed'] : [])];
          const missing = need.filter((k) => !props[k]);
          if (!media) out.push(`${status} has no application/json body`);
          else if (missing.length) out.push(`${status} error body lacks ${missing.join(', ')}`);
          if (r.content && Object.keys(r.content).some((t) => t !== JSON_TYPE)) out.push(`${status} error documented as non-JSON`);
        }
        return out;
      }),
    ).toEqual([]);
  });

  it('gives every request body an example somewhere in its properties', () => {
    expect(
      problems(({ op }) => {
        if (!op.requestBody) return [];
        return Object.entries(op.requestBody.content).flatMap(([type, media]) => {
          if (media.example !== undefined || media.examples !== undefined) return [];
          let found = false;
          walk(media.schema, (n) => {
            // A file upload cannot carry an example value; the part being a binary file says enough.
            if (n.example !== undefined || n.examples !== undefined || n.format === 'binary') found = true;
          });
          return found ? [] : [`${type} request body has no example`];
        });
      }),
    ).toEqual([]);
  });

  it('documents the export formats of the reports and the non-JSON feeds', () => {
    const content = (name: string, status = '200') => Object.keys(ops.find((o) => o.name === name)?.op.responses?.[status]?.content ?? {}).sort();
    const sheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    for (const report of ['summary', 'units', 'appraisal', 'people', 'overdue', 'indicators', 'trend']) {
      expect(content(`GET /reports/${report}`)).toEqual([JSON_TYPE, sheet, 'text/csv'].sort());
    }
    expect(content('GET /reports/weekly.xlsx')).toEqual([sheet]);
    expect(content('GET /calendar/{token}.ics')).toEqual(['text/calendar']);
    expect(content('GET /ack/{token}/item')).toEqual([JSON_TYPE]);
  });
});
