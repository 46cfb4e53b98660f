import { JwtService } from '@nestjs/jwt';
import { hashPassword, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../support/api-app';
import { createTestSchema, TEST_DATABASE_URL } from '../support/database';
import { ENTRY, freePort, runApp, waitFor200 } from '../support/processes';

const PASSWORD = 'security-pass-1';

describe('security', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ CORS_ORIGINS: 'https://duban.example.cn', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1' });
    const users = api.app.get(UserRepository);
    const passwordHash = await hashPassword(PASSWORD);
    for (const username of ['alice', 'bob', 'carol']) {
      await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: ['supervisor'] });
    }
  });
  afterAll(() => api.close());

  it('sends helmet headers', async () => {
    const res = await api.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows only the configured browser origins', async () => {
    const ok = await api.http.options('/tasks').set('origin', 'https://duban.example.cn').set('access-control-request-method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('https://duban.example.cn');
    const other = await api.http.options('/tasks').set('origin', 'https://evil.example.com').set('access-control-request-method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('locks a username after repeated wrong passwords, even for the right one, and leaves others alone', async () => {
    for (let i = 0; i < 2; i++) {
      await api.http.post('/auth/login').send({ username: 'alice', password: 'wrong-password' }).expect(401);
    }
    const third = await api.http.post('/auth/login').send({ username: 'alice', password: 'wrong-password' }).expect(429);
    expect(third.body.message).toMatch(/too many failed logins/);
    await api.http.post('/auth/login').send({ username: 'alice', password: PASSWORD }).expect(429);
    await api.http.post('/auth/login').send({ username: 'bob', password: PASSWORD }).expect(200);
  });

  it('a successful login resets the failure count', async () => {
    await api.http.post('/auth/login').send({ username: 'carol', password: 'nope-nope' }).expect(401);
    await api.http.post('/auth/login').send({ username: 'carol', password: 'nope-nope' }).expect(401);
    await api.http.post('/auth/login').send({ username: 'carol', password: PASSWORD }).expect(200);
    await api.http.post('/auth/login').send({ username: 'carol', password: 'nope-nope' }).expect(401);
    await api.http.post('/auth/login').send({ username: 'carol', password: PASSWORD }).expect(200);
  });

  it('refuses an expired access token', async () => {
    const [bob] = await api.ds.query(`SELECT id FROM users WHERE username = 'bob'`);
    const expired = await api.app.get(JwtService).signAsync({ sub: bob.id, username: 'bob' }, { expiresIn: -10 });
    await api.http.get('/me').set('authorization', `Bearer ${expired}`).expect(401);
    const forged = await new JwtService({ secret: 'another-secret-entirely' }).signAsync({ sub: bob.id, username: 'bob' });
    await api.http.get('/me').set('authorization', `Bearer ${forged}`).expect(401);
  });

  it('rotates refresh tokens and revokes the whole login when a spent one is reused', async () => {
    const login = await api.http.post('/auth/login').send({ username: 'bob', password: PASSWORD }).expect(200);
    const first = await api.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(login.body.refreshToken);
    // the spent token comes back (stolen copy): refused, and the newest token dies with it
    const reuse = await api.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    await api.http.post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
  });

  it('shows the queue dashboard (bull-board) to admins only', async () => {
    await api.http.get('/queues').expect(401);
    const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    await api.http.get('/queues').set('authorization', basic('bob', PASSWORD)).expect(401); // a supervisor
    await api.http.get('/queues').set('authorization', basic('admin', 'wrong')).expect(401);
    const ok = await api.http.get('/queues').set('authorization', basic('admin', 'duban-admin')).expect(200);
    expect(ok.text).toMatch(/<html/i);
    const queues = await api.http.get('/queues/api/queues').set('authorization', basic('admin', 'duban-admin')).expect(200);
    expect(JSON.stringify(queues.body)).toContain('reminders');
  });

  it('refuses an upload over the size limit with 413', async () => {
    const token = await api.login('bob', PASSWORD);
    const res = await api.http
      .post('/imports')
      .set('authorization', `Bearer ${token}`)
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'huge.txt');
    expect(res.status).toBe(413);
    expect(res.body.message).toEqual(expect.any(String));
  });
});

describe('logs', () => {
  it('carry request ids and never a password or a token', async () => {
    const schema = await createTestSchema();
    const port = await freePort();
    const api = runApp(ENTRY.api, {
      PORT: String(port),
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      QUEUE_PREFIX: `log${schema.schema}`,
      LOG_LEVEL: 'debug',
      ADMIN_PASSWORD: 'admin-secret-Xy9',
    });
    try {
      await waitFor200(`http://127.0.0.1:${port}/health`, api);
      const base = `http://127.0.0.1:${port}`;
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      await post('/auth/login', { username: 'admin', password: 'wrong-secret-Qz7' });
      const login = (await (await post('/auth/login', { username: 'admin', password: 'admin-secret-Xy9' })).json()) as {
        accessToken: string;
        refreshToken: string;
      };
      const refreshed = (await (await post('/auth/refresh', { refreshToken: login.refreshToken })).json()) as { accessToken: string };
      const created = (await (
        await post('/me/tokens', { name: 'export' }, { authorization: `Bearer ${refreshed.accessToken}` })
      ).json()) as { token: string };
      const me = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${created.token}`, 'x-request-id': 'req-abc-123' } });
      expect(me.headers.get('x-request-id')).toBe('req-abc-123');
      // pino writes asynchronously: wait until the request's line is out, then read everything logged.
      const deadline = Date.now() + 10_000;
      while (!api.stdout().includes('req-abc-123') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const logs = api.stdout();
      expect(logs).toContain('req-abc-123');
      for (const secret of ['admin-secret-Xy9', 'wrong-secret-Qz7', login.accessToken, login.refreshToken, refreshed.accessToken, created.token]) {
        expect(logs).not.toContain(secret);
      }
    } finally {
      api.proc.kill('SIGTERM');
      await api.exited;
      await schema.drop();
    }
  });
});
