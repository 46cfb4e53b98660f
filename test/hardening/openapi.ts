import request from 'supertest';

/** The parts of an OpenAPI 3 schema the hardening tests read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  nullable?: boolean;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As in the document: `/tasks/{id}/progress`. */
  path: string;
  parameters: Parameter[];
  /** The JSON body schema with every $ref resolved, when the operation takes JSON. */
  jsonBody?: Schema;
  multipart: boolean;
  public: boolean;
}

interface Document {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] }>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Reads GET /docs/openapi.json from the running app and lists every operation. */
export async function loadOperations(http: ReturnType<typeof request>): Promise<Operation[]> {
  const res = await http.get('/docs/openapi.json');
  if (res.status !== 200) throw new Error(`GET /docs/openapi.json: ${res.status}`);
  const doc = res.body as Document;
  const resolve = (s: Schema | undefined, depth = 0): Schema | undefined => {
    if (!s || depth > 8) return s;
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')], depth + 1);
    const out: Schema = { ...s };
    if (s.items) out.items = resolve(s.items, depth + 1);
    if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)!]));
    return out;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
        jsonBody: content['application/json'] ? resolve(content['application/json'].schema) : undefined,
        multipart: !!content['multipart/form-data'],
        public: !op.security,
      });
    }
  }
  return ops;
}

/** `/tasks/{id}` with {id: 'x'} → `/tasks/x` (values are URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

export const opName = (op: Pick<Operation, 'method' | 'path'>) => `${op.method.toUpperCase()} ${op.path}`;
