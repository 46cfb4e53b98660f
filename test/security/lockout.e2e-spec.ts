import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import IORedis from 'ioredis';
import { hashPassword, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../support/api-app';
import { TEST_DATABASE_URL } from '../support/database';
import { ENTRY, runApp } from '../support/processes';

const PASSWORD = 'lockout-pass-1';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('login lock-out per (username, address), growing, in Redis; unlock; words for 409', () => {
  let api: TestApi;
  let redis: IORedis;
  let port: number;

  /** POST /auth/login from a given loopback address (the server sees it as the client's address). */
  const loginFrom = (from: string, username: string, password: string) =>
    new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
      const body = JSON.stringify({ username, password });
      const req = httpRequest(
        { host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1' });
    port = (api.app.getHttpServer().address() as AddressInfo).port;
    redis = new IORedis(REDIS_URL);
    const users = api.app.get(UserRepository);
    const passwordHash = await hashPassword(PASSWORD);
    for (const username of ['boss', 'kim', 'lee']) {
      await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: [username === 'boss' ? 'admin' : 'staff'] });
    }
  });
  afterAll(async () => {
    redis.disconnect();
    await api.close();
  });

  it('a guesser at another address cannot lock the admin out of their own address', async () => {
    for (let i = 0; i < 2; i++) expect((await loginFrom('127.0.0.2', 'boss', `guess-${i}`)).status).toBe(401);
    const locked = await loginFrom('127.0.0.2', 'boss', 'guess-3');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBe(60);
    expect((await loginFrom('127.0.0.2', 'boss', PASSWORD)).status).toBe(429);
    expect((await loginFrom('127.0.0.1', 'boss', PASSWORD)).status).toBe(200);
    // the count is in Redis (shared by every API process), not in this process
    expect(await redis.keys(`${`t${api.schema}`}:login-lock:boss:*`)).toEqual([`t${api.schema}:login-lock:boss:127.0.0.2`]);
  });

  it('each further failure after a lock doubles the delay', async () => {
    // A pair of its own (user and address), locked once by three wrong passwords.
    for (let i = 0; i < 2; i++) expect((await loginFrom('127.0.0.3', 'lee', `guess-${i}`)).status).toBe(401);
    expect(Number((await loginFrom('127.0.0.3', 'lee', 'guess-2')).retryAfter)).toBe(60);
    const lock = `t${api.schema}:login-lock:lee:127.0.0.3`;
    await redis.del(lock); // the first lock has run out
    const second = await loginFrom('127.0.0.3', 'lee', 'guess-3');
    expect(second.status).toBe(429);
    expect(Number(second.retryAfter)).toBe(120);
    await redis.del(lock);
    expect(Number((await loginFrom('127.0.0.3', 'lee', 'guess-4')).retryAfter)).toBe(240);
  });

  it('the CLI unlocks a username on every address', async () => {
    for (let i = 0; i < 3; i++) await loginFrom('127.0.0.1', 'kim', `wrong-${i}`);
    expect((await loginFrom('127.0.0.1', 'kim', PASSWORD)).status).toBe(429);
    const cli = runApp(ENTRY.cli, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: api.schema, REDIS_URL, QUEUE_PREFIX: `t${api.schema}` }, ['unlock', 'kim']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toMatch(/unlocked kim/);
    expect((await loginFrom('127.0.0.1', 'kim', PASSWORD)).status).toBe(200);
  });

  it('says a conflict in words, without PostgreSQL detail or the values', async () => {
    const admin = await api.login('boss', PASSWORD);
    const user = { username: 'twin-7431', displayName: '双胞胎', password: 'twin-password-1', roles: ['staff'] };
    await api.http.post('/users').set('authorization', `Bearer ${admin}`).send(user).expect(201);
    const res = await api.http.post('/users').set('authorization', `Bearer ${admin}`).send(user).expect(409);
    expect(res.body.message).toBe('a record with this username already exists');
    expect(JSON.stringify(res.body)).not.toMatch(/Key \(|twin-7431/);
  });
});
