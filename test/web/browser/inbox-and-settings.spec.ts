/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser.
import { expect, segment, signIn, test } from '../support/fixtures';

test('消息中心: the unread count in the header, filter by level, mark read, open the item', async ({ page, desk, stack }) => {
  const title = `推进重点项目建设${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年12月底前' }]);
  const add = (level: string, subject: string) =>
    stack.sql(
      `INSERT INTO notifications (user_id, task_id, channel, recipient, subject, body, notice_level)
       SELECT id, $2, 'inbox', username, $3, '请及时办理。', $4 FROM users WHERE username = $1`,
      [desk.staff, tasks['1'].id, subject, level],
    );
  await add('blue', `【蓝色提醒】${title}`);
  await add('yellow', `【黄色催办】${title}`);
  await add('red', `【红色督办】${title}`);

  await signIn(page, desk.staff);
  await expect(page.getByRole('link', { name: '消息中心，3 条未读' })).toBeVisible();
  await page.getByRole('link', { name: /消息中心/ }).click();
  const list = page.getByRole('list', { name: '消息列表' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  await segment(page, '催办');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('【黄色催办】');
  await list.getByRole('button', { name: '标为已读' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('已读');
  await expect(page.getByRole('link', { name: '消息中心，2 条未读' })).toBeVisible();

  await segment(page, '督办');
  await list.getByRole('button', { name: '打开事项' }).click();
  await expect(page).toHaveURL(new RegExp(`/app/items/${tasks['1'].id}$`));
  await expect(page.getByRole('link', { name: '消息中心，1 条未读' })).toBeVisible();

  await page.getByRole('link', { name: /消息中心/ }).click();
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(page.getByRole('link', { name: '消息中心，0 条未读' })).toBeVisible();
});

test('个人设置: daily digest, a calendar feed to copy, a read-only API token', async ({ page, desk, stack, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, desk.staff);
  await page.getByRole('link', { name: '个人设置' }).click();

  await page.getByRole('switch', { name: /每日汇总/ }).click();
  await expect(page.getByText('已改为每日汇总')).toBeVisible();
  expect((await stack.api.call<{ dailyDigest: boolean }>(desk.staff, 'GET', '/me/preferences')).dailyDigest).toBe(true);

  await page.getByRole('button', { name: '生成订阅地址' }).click();
  const feed = page.getByRole('textbox', { name: '日历订阅地址' });
  await expect(feed).toHaveValue(/\/calendar\/.+\.ics$/);
  await page.getByRole('region', { name: '日历订阅' }).getByRole('button', { name: '复制' }).click();
  await expect(page.getByText('已复制到剪贴板')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await feed.inputValue());
  const ics = await fetch(await feed.inputValue());
  expect(ics.status).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');

  await page.getByLabel('用途').fill('周报导出');
  await page.getByRole('button', { name: '创建只读令牌' }).click();
  const secret = page.getByRole('textbox', { name: '新令牌' });
  await expect(secret).toHaveValue(/^dbn_/);
  const me = await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${await secret.inputValue()}` } });
  expect(((await me.json()) as { scope: string }).scope).toBe('read');
  await page.getByRole('button', { name: '吊销令牌 周报导出' }).click();
  await page.getByRole('button', { name: '吊销', exact: true }).click();
  await expect(page.getByText('暂无令牌')).toBeVisible();
  expect((await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${await secret.inputValue()}` } })).status).toBe(401);
});
