import request from 'supertest';
import { hashPassword, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../../support/api-app';

const PASSWORD = 'session-pass-1';

type Jar = Record<string, string>;

/** name → raw Set-Cookie line of an answer. */
const setCookies = (res: request.Response): Jar =>
  Object.fromEntries(
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((line) => [line.slice(0, line.indexOf('=')), line]),
  );
const valueOf = (line: string) => decodeURIComponent(line.slice(line.indexOf('=') + 1).split(';')[0]);

describe('web app sessions (cookie refresh token, CSRF)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const users = api.app.get(UserRepository);
    const passwordHash = await hashPassword(PASSWORD);
    for (const username of ['dora', 'erin']) {
      await users.createIfMissing({ username, displayName: username, email: null, passwordHash, unitId: null, roles: ['leader'] });
    }
  });
  afterAll(() => api.close());

  async function browserLogin(username = 'dora') {
    const res = await api.http.post('/auth/session').send({ username, password: PASSWORD }).expect(200);
    const c = setCookies(res);
    return { res, refresh: valueOf(c.duban_refresh), csrf: valueOf(c.duban_csrf), cookies: c };
  }
  const refresh = (refreshToken: string | null, csrf?: string) => {
    let r = api.http.post('/auth/session/refresh');
    if (refreshToken !== null) r = r.set('cookie', `duban_refresh=${encodeURIComponent(refreshToken)}`);
    if (csrf !== undefined) r = r.set('x-csrf-token', csrf);
    return r;
  };

  it('keeps the refresh token out of the body, in an httpOnly SameSite=Strict cookie for the session path only', async () => {
    const { res, cookies } = await browserLogin();
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
    expect(res.body.user).toMatchObject({ username: 'dora', roles: ['leader'], scope: 'full' });
    await api.http.get('/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(cookies.duban_refresh).toMatch(/; Path=\/auth\/session/);
    expect(cookies.duban_refresh).toMatch(/; HttpOnly/);
    expect(cookies.duban_refresh).toMatch(/; SameSite=Strict/);
    expect(cookies.duban_refresh).not.toMatch(/; Secure/); // PUBLIC_URL is http here
    expect(cookies.duban_csrf).toMatch(/; Path=\//);
    expect(cookies.duban_csrf).not.toMatch(/HttpOnly/);
    expect(cookies.duban_csrf).toMatch(/; SameSite=Strict/);
  });

  it('refreshes with the cookie and the CSRF header, rotating the cookie; a cookie spent by another tab a moment ago is a 409 to retry, one spent earlier ends the login', async () => {
    const s = await browserLogin();
    const first = await refresh(s.refresh, s.csrf).expect(200);
    expect(first.body.user.username).toBe('dora');
    await api.http.get('/me').set('authorization', `Bearer ${first.body.accessToken}`).expect(200);
    const rotated = valueOf(setCookies(first).duban_refresh);
    expect(rotated).not.toBe(s.refresh);
    expect(valueOf(setCookies(first).duban_csrf)).toBe(s.csrf); // bound to the login, which goes on
    // Another tab presenting the cookie a moment later: told to retry, the cookies and the login left alone.
    const concurrent = await refresh(s.refresh, s.csrf).expect(409);
    expect(concurrent.body.message).toMatch(/another tab: retry/);
    expect(concurrent.headers['set-cookie']).toBeUndefined();
    const retried = await refresh(rotated, s.csrf).expect(200);
    const newest = valueOf(setCookies(retried).duban_refresh);
    // Spent longer ago than that: a stolen copy, which ends the login (the newest cookie dies with it).
    await api.ds.query(
      `UPDATE refresh_tokens SET used_at = used_at - interval '11 seconds'
        WHERE used_at IS NOT NULL AND user_id = (SELECT id FROM users WHERE username = 'dora')`,
    );
    const reuse = await refresh(s.refresh, s.csrf).expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    expect(setCookies(reuse).duban_refresh).toMatch(/Expires=Thu, 01 Jan 1970/);
    await refresh(newest, s.csrf).expect(401);
  });

  it('refuses a refresh without the CSRF header, with a wrong one, or with another login’s', async () => {
    const s = await browserLogin('dora');
    const other = await browserLogin('erin');
    expect((await refresh(s.refresh).expect(403)).body.message).toMatch(/CSRF/);
    await refresh(s.refresh, 'x'.repeat(43)).expect(403);
    await refresh(s.refresh, other.csrf).expect(403);
    // the refusals spent nothing: the right pair still works
    await refresh(s.refresh, s.csrf).expect(200);
  });

  it('answers 401 without a session cookie or with an unknown one', async () => {
    await refresh(null, 'anything').expect(401);
    await refresh('not-a-real-refresh-token', 'anything').expect(401);
  });

  it('logout revokes the login and clears both cookies; without the CSRF header it changes nothing', async () => {
    const s = await browserLogin();
    await api.http.post('/auth/session/logout').set('cookie', `duban_refresh=${s.refresh}`).expect(403);
    const out = await api.http
      .post('/auth/session/logout')
      .set('cookie', `duban_refresh=${s.refresh}`)
      .set('x-csrf-token', s.csrf)
      .expect(204);
    const cleared = setCookies(out);
    expect(cleared.duban_refresh).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared.duban_csrf).toMatch(/Expires=Thu, 01 Jan 1970/);
    await refresh(s.refresh, s.csrf).expect(401);
    // a second logout (no session any more) is harmless
    await api.http.post('/auth/session/logout').expect(204);
  });

  it('keeps the JSON login and refresh for API clients unchanged, with no cookies', async () => {
    const login = await api.http.post('/auth/login').send({ username: 'dora', password: PASSWORD }).expect(200);
    expect(login.headers['set-cookie']).toBeUndefined();
    expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    const r = await api.http.post('/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(r.body.refreshToken).toEqual(expect.any(String));
  });

  it('answers a wrong password with 401 and sets no cookie', async () => {
    const res = await api.http.post('/auth/session').send({ username: 'dora', password: 'wrong-one' }).expect(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('web app sessions over https', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL: 'https://duban.example.cn' });
    await api.app.get(UserRepository).createIfMissing({
      username: 'fay', displayName: 'fay', email: null, passwordHash: await hashPassword(PASSWORD), unitId: null, roles: ['leader'],
    });
  });
  afterAll(() => api.close());

  it('marks both cookies Secure', async () => {
    const res = await api.http.post('/auth/session').send({ username: 'fay', password: PASSWORD }).expect(200);
    const c = setCookies(res);
    expect(c.duban_refresh).toMatch(/; Secure/);
    expect(c.duban_csrf).toMatch(/; Secure/);
  });
});
