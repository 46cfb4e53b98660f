import { hashPassword, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../support/api-app';
import { TEST_DATABASE_URL } from '../support/database';
import { ENTRY, runApp } from '../support/processes';
import { waitUntil } from '../reminders/reminder-rig';

const PASSWORD = 'sessions-pass-1';

describe('sessions: password changes and resets end logins; admins revoke sessions; API tokens expire', () => {
  let api: TestApi;
  let admin: string;

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const loginPair = async (username: string, password = PASSWORD) =>
    (await api.http.post('/auth/login').send({ username, password }).expect(200)).body as { accessToken: string; refreshToken: string };
  const apiToken = async (access: string, body: Record<string, unknown> = { name: 'export' }) =>
    (await api.http.post('/me/tokens').set(bearer(access)).send(body).expect(201)).body as { id: string; token: string; expiresAt: string | null };
  const refresh = (refreshToken: string) => api.http.post('/auth/refresh').send({ refreshToken });
  const userId = async (username: string) => (await api.ds.query(`SELECT id FROM users WHERE username = $1`, [username]))[0].id as string;

  beforeAll(async () => {
    api = await startTestApi();
    const users = api.app.get(UserRepository);
    const passwordHash = await hashPassword(PASSWORD);
    for (const [username, role] of [['root', 'admin'], ['amy', 'staff'], ['ben', 'staff'], ['cat', 'staff'], ['dan', 'staff'], ['eve', 'staff'], ['fay', 'staff']] as const) {
      await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: [role] });
    }
    admin = await api.login('root', PASSWORD);
  });
  afterAll(() => api.close());

  it('changing my password ends every login of mine (refresh and access tokens), but keeps my API tokens', async () => {
    const phone = await loginPair('amy');
    const desk = await loginPair('amy');
    const token = await apiToken(desk.accessToken);
    await api.http.post('/me/password').set(bearer(desk.accessToken)).send({ currentPassword: 'wrong-one', newPassword: 'amy-new-password' }).expect(401);
    await api.http.post('/me/password').set(bearer(desk.accessToken)).send({ currentPassword: PASSWORD, newPassword: 'short' }).expect(400);
    await api.http.post('/me/password').set(bearer(desk.accessToken)).send({ currentPassword: PASSWORD, newPassword: 'amy-new-password' }).expect(204);
    for (const pair of [phone, desk]) {
      await api.http.get('/me').set(bearer(pair.accessToken)).expect(401);
      await refresh(pair.refreshToken).expect(401);
    }
    await api.http.post('/auth/login').send({ username: 'amy', password: PASSWORD }).expect(401);
    const fresh = await loginPair('amy', 'amy-new-password');
    await api.http.get('/me').set(bearer(fresh.accessToken)).expect(200);
    await api.http.get('/me').set(bearer(token.token)).expect(200);
  });

  it("an admin's password reset ends the user's logins", async () => {
    const before = await loginPair('ben');
    const user = await api.http.get(`/users/${await userId('ben')}`).set(bearer(admin)).expect(200);
    await api.http.patch(`/users/${user.body.id}`).set(bearer(admin)).send({ password: 'ben-reset-password', version: user.body.version }).expect(200);
    await api.http.get('/me').set(bearer(before.accessToken)).expect(401);
    await refresh(before.refreshToken).expect(401);
    await loginPair('ben', 'ben-reset-password');
  });

  it('an admin revokes every session of a user: access, refresh and API tokens', async () => {
    const pair = await loginPair('cat');
    const token = await apiToken(pair.accessToken);
    const id = await userId('cat');
    await api.http.post(`/users/${id}/sessions/revoke`).set(bearer(pair.accessToken)).expect(403);
    const res = await api.http.post(`/users/${id}/sessions/revoke`).set(bearer(admin)).expect(200);
    expect(res.body).toMatchObject({ userId: id, apiTokens: 1 });
    expect(res.body.refreshTokens).toBeGreaterThanOrEqual(1);
    await api.http.get('/me').set(bearer(pair.accessToken)).expect(401);
    await refresh(pair.refreshToken).expect(401);
    await api.http.get('/me').set(bearer(token.token)).expect(401);
    const [audit] = await api.ds.query(`SELECT actor_name FROM audit_events WHERE action = 'user.sessions_revoked' AND entity_id = $1`, [id]);
    expect(audit.actor_name).toBe('root');
    await loginPair('cat'); // the password still works: the user just logs in again
  });

  it('the CLI revokes every session of a user, and names an unknown one', async () => {
    const pair = await loginPair('dan');
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: api.schema };
    const cli = runApp(ENTRY.cli, env, ['revoke-sessions', 'dan']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toMatch(/revoked the sessions of dan/);
    await api.http.get('/me').set(bearer(pair.accessToken)).expect(401);
    await refresh(pair.refreshToken).expect(401);
    const unknown = runApp(ENTRY.cli, env, ['revoke-sessions', 'nobody-here']);
    expect((await unknown.exited).code).toBe(1);
    expect(unknown.stderr()).toMatch(/no user "nobody-here"/);
  });

  it("deactivating a user refuses their access and API tokens at once; reactivating lets them back in with who they are", async () => {
    const pair = await loginPair('fay');
    const token = await apiToken(pair.accessToken);
    const me = (await api.http.get('/me').set(bearer(pair.accessToken)).expect(200)).body as { username: string; roles: string[] };
    expect(me).toMatchObject({ username: 'fay', roles: ['staff'] });
    const user = (await api.http.get(`/users/${await userId('fay')}`).set(bearer(admin)).expect(200)).body as { id: string; version: number };
    const off = await api.http.patch(`/users/${user.id}`).set(bearer(admin)).send({ active: false, version: user.version }).expect(200);
    await api.http.get('/me').set(bearer(pair.accessToken)).expect(401);
    await api.http.get('/me').set(bearer(token.token)).expect(401);
    await api.http.patch(`/users/${user.id}`).set(bearer(admin)).send({ active: true, version: off.body.version }).expect(200);
    expect((await api.http.get('/me').set(bearer(token.token)).expect(200)).body).toMatchObject({ username: 'fay', roles: ['staff'] });
  });

  it('API tokens may expire, and show when they were last used', async () => {
    const { accessToken } = await loginPair('eve');
    await api.http.post('/me/tokens').set(bearer(accessToken)).send({ name: 'x', expiresInDays: 0 }).expect(400);
    const forever = await apiToken(accessToken, { name: 'forever' });
    expect(forever.expiresAt).toBeNull();
    const soon = await apiToken(accessToken, { name: 'quarter', expiresInDays: 90 });
    const days = (new Date(soon.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    await api.http.get('/me').set(bearer(soon.token)).expect(200);
    await waitUntil(async () => {
      const list = await api.http.get('/me/tokens').set(bearer(accessToken)).expect(200);
      return list.body.find((t: { id: string }) => t.id === soon.id)?.lastUsedAt !== null;
    }, 5_000, 'lastUsedAt');
    // the expiry passes
    await api.ds.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.id]);
    await api.http.get('/me').set(bearer(soon.token)).expect(401);
    const list = await api.http.get('/me/tokens').set(bearer(accessToken)).expect(200);
    expect(list.body.map((t: { name: string }) => t.name)).toEqual(['forever']);
  });
});
