import { hashPassword, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../support/api-app';

const PASSWORD = 'queues-pass-1';
const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

async function withAdmins(api: TestApi, ...usernames: string[]) {
  const users = api.app.get(UserRepository);
  const passwordHash = await hashPassword(PASSWORD);
  for (const username of usernames) {
    await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: ['admin'] });
  }
}

describe('/queues Basic auth: the lock-out of /auth/login', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1' });
    await withAdmins(api, 'ops1', 'ops2');
  });
  afterAll(() => api.close());

  it('locks an admin after repeated wrong passwords on /queues, then refuses the right one too, with Retry-After', async () => {
    await api.http.get('/queues').set('authorization', basic('ops1', 'wrong-1')).expect(401);
    await api.http.get('/queues').set('authorization', basic('ops1', 'wrong-2')).expect(401);
    const locked = await api.http.get('/queues').set('authorization', basic('ops1', 'wrong-3')).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await api.http.get('/queues').set('authorization', basic('ops1', PASSWORD)).expect(429);
    // the same lock holds for the JSON login
    await api.http.post('/auth/login').send({ username: 'ops1', password: PASSWORD }).expect(429);
  });

  it('refuses /queues while /auth/login has locked the admin', async () => {
    await api.http.get('/queues').set('authorization', basic('ops2', PASSWORD)).expect(200);
    for (let i = 0; i < 3; i++) await api.http.post('/auth/login').send({ username: 'ops2', password: `wrong-${i}` });
    const res = await api.http.get('/queues').set('authorization', basic('ops2', PASSWORD)).expect(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('counts unknown usernames like known ones', async () => {
    await api.http.get('/queues').set('authorization', basic('nobody', 'x')).expect(401);
    await api.http.get('/queues').set('authorization', basic('nobody', 'y')).expect(401);
    await api.http.get('/queues').set('authorization', basic('nobody', 'z')).expect(429);
  });
});

describe('/queues Basic auth: the rate limit of /auth/login, shared with it', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ AUTH_RATE_LIMIT: '4', LOGIN_MAX_FAILURES: '50' });
    await withAdmins(api, 'ops');
  });
  afterAll(() => api.close());

  it('refuses more than AUTH_RATE_LIMIT attempts a minute from one address, on /queues and then on /auth/login', async () => {
    for (let i = 0; i < 4; i++) await api.http.get('/queues').set('authorization', basic(`guess${i}`, 'x')).expect(401);
    const refused = await api.http.get('/queues').set('authorization', basic('ops', PASSWORD)).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const login = await api.http.post('/auth/login').send({ username: 'ops', password: PASSWORD }).expect(429);
    expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
    expect(login.headers['retry-after-auth']).toBeUndefined();
  });
});
