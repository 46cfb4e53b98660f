import { expect, row, signIn, test } from '../support/fixtures';
import { shoot } from '../support/shots';

// The boot script paints the 工作台 from its early answers while the app's code still loads
// (apps/web/src/boot/workbench-shell.ts); the app's own page then takes its place.
test('the 工作台 shows the unit’s items before the app has run, then the app takes over', async ({ page, desk }) => {
  const mine = `建设试验平台${desk.tag}`;
  const theirs = `推进试验改革${desk.tag}`;
  await desk.plan([
    { title: mine, lead: desk.unitName, responsible: ['市发改委'], deadline: '2030年12月底前' },
    { title: theirs, lead: '市发改委', responsible: [desk.unitName], deadline: '2030年6月底前' },
  ]);
  await signIn(page, desk.staff);

  // Hold the app's code back: what shows meanwhile is the boot script's copy of the page.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/app\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/app/workbench?tab=to_acknowledge', { waitUntil: 'commit' });
  const copy = page.locator('#boot-shell');
  await expect(row(copy, mine)).toContainText('牵头');
  await expect(row(copy, mine)).toContainText(/剩 \d+ 个工作日/);
  await expect(row(copy, mine)).toContainText('2030年12月31日');
  await expect(row(copy, theirs)).toContainText('责任');
  await expect(copy.locator('.tab-bar')).toContainText('待签收（2）');
  await expect(copy.locator('header')).toContainText(`试验局承办人${desk.tag}`);
  // Nothing in the copy works yet, so it is kept from the keyboard and from screen readers.
  await expect(copy).toHaveAttribute('aria-hidden', 'true');
  await expect(copy).toHaveAttribute('inert', '');
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toHaveCount(0);
  await shoot(page, 'workbench-boot-copy');

  // The app arrives: one page, its own, and it works.
  release();
  await expect(page.getByRole('tab', { name: '待签收（2）' })).toBeVisible();
  await expect(copy).toHaveCount(0);
  await expect(row(page, mine)).toHaveCount(1);
  await row(page, mine).getByRole('button', { name: `签收：${mine}` }).click();
  await expect(page.getByText(`已签收：${mine}`)).toBeVisible();
  const marks = await page.evaluate(() => ['duban:workbench-shown', 'duban:workbench-interactive'].map((m) => performance.getEntriesByName(m).length));
  expect(marks).toEqual([1, 1]);

  // Nothing held back: the app's code still starts only once the copy is on screen, so evaluating it
  // never stands between the answers and their paint.
  await page.goto('/app/workbench?tab=to_acknowledge');
  await expect(page.getByRole('tab', { name: '待签收（1）' })).toBeVisible();
  const [shown, appStart] = await page.evaluate(() => ['duban:workbench-shown', 'duban:app-start'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? null));
  expect(shown).not.toBeNull();
  expect(appStart).toBeGreaterThanOrEqual(shown!);
  // The session and the first GETs were sent by the page's classic first script, while the document
  // was still being parsed, not by the boot module (which runs after it): one refresh, one of each GET.
  const sent = await page.evaluate(() => {
    const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
    const asked = ['/auth/session/refresh', '/me/tasks/counts', '/me/tasks?tab=to_acknowledge&page=1&limit=20', '/me/notifications?limit=1'];
    return asked.map((path) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(path)).map((e) => (e.startTime < parsed ? 'parsing' : 'after')));
  });
  expect(sent[0]).toEqual(['parsing']);
  expect(sent.slice(1).map((times) => times.length)).toEqual([1, 1, 1]);
});

test('away from the 工作台 the boot script paints nothing, and a page of the app is never hidden behind it', async ({ page, desk }) => {
  await signIn(page, desk.staff);
  await page.goto('/app/inbox');
  await expect(page.getByRole('heading', { name: '消息中心', level: 1 })).toBeVisible();
  await expect(page.locator('#boot-shell')).toHaveCount(0);
  // The 工作台 opened and left at once: the copy goes with it.
  await page.goto('/app/workbench');
  await page.getByRole('link', { name: /消息中心/ }).click();
  await expect(page.getByRole('heading', { name: '消息中心', level: 1 })).toBeVisible();
  await expect(page.locator('#boot-shell')).toHaveCount(0);
});
