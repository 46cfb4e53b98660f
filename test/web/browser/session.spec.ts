/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import { expect, signIn, test } from '../support/fixtures';

test('the refresh token never reaches page scripts; a reload keeps the session', async ({ page, context, desk }) => {
  await signIn(page, desk.staff);
  const cookies = await context.cookies();
  const refresh = cookies.find((c) => c.name === 'duban_refresh');
  expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth/session' });
  const seen = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
  expect(seen.cookie).not.toContain('duban_refresh');
  expect(seen.cookie).toContain('duban_csrf=');
  for (const store of [seen.local, seen.session]) {
    expect(store).not.toContain(refresh!.value);
    expect(store).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT either
  }
  await page.reload();
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/app\/workbench/);
});

test('tabs opened at the same moment all keep the session (the API has the later ones retry)', async ({ context, desk }) => {
  const first = await context.newPage();
  await signIn(first, desk.staff);
  await first.close();
  // Hold the first three refreshes until all three are sent, so that they carry the same cookie.
  const held: (() => void)[] = [];
  const allSent = new Promise<void>((resolve) => {
    void context.route('**/auth/session/refresh', async (route) => {
      if (held.length >= 3) return route.continue();
      await new Promise<void>((release) => {
        held.push(release);
        if (held.length === 3) resolve();
      });
      return route.continue();
    });
  });
  const statuses: number[] = [];
  context.on('response', (r) => void (r.url().endsWith('/auth/session/refresh') && statuses.push(r.status())));
  const tabs = await Promise.all([0, 1, 2].map(() => context.newPage()));
  const loads = tabs.map((tab) => tab.goto('/app/workbench'));
  await allSent;
  held.forEach((release) => release());
  await Promise.all(loads);
  for (const tab of tabs) await expect(tab.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  expect(statuses.filter((s) => s === 409).length).toBeGreaterThanOrEqual(2);
  expect(statuses).not.toContain(401);
  await tabs[0].reload();
  await expect(tabs[0].getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
});

test('a 401 refreshes the access token silently and repeats the call', async ({ page, desk }) => {
  await signIn(page, desk.staff);
  await expect(page.getByRole('tab', { name: /待签收（\d+）/ })).toBeVisible();
  // the next API call is answered 401 once, as if the access token had expired
  let refused = 0;
  await page.route(/\/me\/notifications\?.*page=1/, async (route) => {
    if (refused++ === 0) return route.fulfill({ status: 401, contentType: 'application/json', body: '{"statusCode":401,"message":"invalid or expired token"}' });
    return route.continue();
  });
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/auth/session/refresh') && r.status() === 200);
  await page.getByRole('link', { name: /消息中心/ }).click();
  await refreshed;
  await expect(page.getByRole('heading', { name: '消息中心', level: 1 })).toBeVisible();
  await expect(page.getByText(/没有消息|未读 \d+ 条/).first()).toBeVisible();
  expect(refused).toBe(2); // refused once, then repeated with the new token
});

test('the access token is refreshed before it runs out', async ({ page, desk }) => {
  await page.clock.install();
  await signIn(page, desk.staff);
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/auth/session/refresh') && r.status() === 200);
  await page.clock.fastForward('14:30'); // the token lasts 15 minutes
  await refreshed;
  await page.getByRole('link', { name: '消息中心' }).click();
  await expect(page.getByRole('heading', { name: '消息中心', level: 1 })).toBeVisible();
});

test('logout revokes the session: the old cookie no longer works and the pages ask for a login', async ({ page, context, desk, stack }) => {
  await signIn(page, desk.staff);
  const cookies = await context.cookies();
  const refresh = cookies.find((c) => c.name === 'duban_refresh')!.value;
  const csrf = cookies.find((c) => c.name === 'duban_csrf')!.value;
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/app\/login/);
  expect((await context.cookies()).map((c) => c.name)).not.toContain('duban_refresh');
  const replay = await fetch(`${stack.url}/auth/session/refresh`, {
    method: 'POST',
    headers: { cookie: `duban_refresh=${refresh}`, 'x-csrf-token': decodeURIComponent(csrf) },
  });
  expect(replay.status).toBe(401);
  await page.goto('/app/workbench');
  await expect(page).toHaveURL(/\/app\/login\?next=%2Fworkbench/);
});

test('a wrong password and a locked account are said in words', async ({ page, desk }) => {
  await page.goto('/app/login');
  await page.getByLabel('用户名').fill(desk.staff);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误，请重新输入');
  for (let i = 0; i < 4; i++) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/auth/session'));
    await page.getByRole('button', { name: '登录' }).click();
    await answered;
  }
  await expect(page.getByRole('alert')).toContainText('密码错误次数过多，该账号已暂时锁定');
});
