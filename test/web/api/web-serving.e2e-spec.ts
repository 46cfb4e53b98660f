import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startWorkflowApp, WorkflowApp } from '../../support/workflow-app';

const root = join(__dirname, '..', '..', '..');
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web app on the API’s origin', () => {
  let w: WorkflowApp;
  beforeAll(async () => {
    w = await startWorkflowApp();
  });
  afterAll(() => w.close());

  it('sends / to the app, and every page address (/app/…) gets the app shell', async () => {
    expect((await w.http.get('/').expect(302)).headers.location).toBe('/app/');
    for (const page of ['/app/', '/app/login', '/app/workbench', `/app/items/${w.taskIds['1']}`, '/app/ack/abc.def', '/app/no/such/page']) {
      const res = await w.http.get(page).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves the hashed assets for a long time, and 404 for a missing one', async () => {
    const shell = await w.http.get('/app/').expect(200);
    const script = /<meta name="duban-app" content="(\/app\/assets\/index-[^"]+\.js)"/.exec(shell.text)![1]; // the app itself, run by the boot script
    const res = await w.http.get(script).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    await w.http.get('/app/assets/nope-123.js').expect(404);
    // browsers that accept gzip get the precompressed copy, with the script's own type
    const zipped = await w.http.get(script).set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/javascript/);
    expect(zipped.text).toBe(res.text); // supertest unzips it
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(res.text) / 2);
    const escape = await w.http.get('/app/assets/..%2F..%2Fpackage.json').expect(404);
    expect(escape.text).not.toContain('"name"');
  });

  it('turns on a Content-Security-Policy that allows only this origin’s scripts', async () => {
    const csp = (await w.http.get('/app/').expect(200)).headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('sends a browser opening an old mail link (/tasks/:id) to the item page; API clients get the API as before', async () => {
    const id = w.taskIds['1'];
    const nav = await w.http.get(`/tasks/${id}`).set('accept', BROWSER).expect(302);
    expect(nav.headers.location).toBe(`/app/items/${id}`);
    expect((await w.http.get('/tasks').set('accept', BROWSER).expect(302)).headers.location).toBe('/app/workbench');
    // an API client: JSON (401 without a token, the item with one), never a redirect
    await w.http.get(`/tasks/${id}`).set('accept', 'application/json').expect(401);
    await w.http.get(`/tasks/${id}`).expect(401);
    const withToken = await w.http.get(`/tasks/${id}`).set('accept', BROWSER).set('authorization', `Bearer ${w.tokens.lead_staff}`).expect(200);
    expect(withToken.body.id).toBe(id);
    await w.http.post(`/tasks/${id}/comments`).set('accept', BROWSER).send({ body: 'x' }).expect(401);
  });

  it('keeps the API’s own paths: /docs, /docs/openapi.json, /health', async () => {
    await w.http.get('/docs/openapi.json').expect(200);
    const docs = await w.http.get('/docs/').expect(200);
    expect(docs.text).toMatch(/swagger/i);
    await w.http.get('/health').expect(200);
  });

  it('the OpenAPI document the web app’s types are generated from is the one the API serves', async () => {
    const served = (await w.http.get('/docs/openapi.json').expect(200)).body;
    const preview = JSON.parse(
      execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '-T', '-r', 'tsconfig-paths/register', 'scripts/openapi-document.ts'], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      }).toString('utf8'),
    );
    expect(preview).toEqual(served);
  });
});
