import { expect, login, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import type { Desk } from '../support/fixtures';

/**
 * The worker sends the unit its real acknowledgement reminder (moved to now, so the test need not
 * wait for tomorrow 09:00), with the item link and the acknowledgement link; returns both links.
 */
async function reminderMail(stack: Stack, desk: Desk, taskId: string) {
  const moved = await stack.sql(
    `UPDATE reminders SET due_at = now() WHERE task_id = $1 AND unit_id = $2 AND reason = 'acknowledgement' AND state = 'pending' RETURNING id`,
    [taskId, desk.unitId],
  );
  expect(moved.length).toBeGreaterThan(0);
  const to = `${desk.staff}@duban.example.cn`;
  const [mail] = await stack.sink.waitFor((m) => m.to.includes(to) && m.text.includes(taskId), 1, 30_000);
  const itemUrl = /查看与报送进展：(\S+)/.exec(mail.text)?.[1];
  const ackUrl = /签收（[^）]*）：(\S+)/.exec(mail.text)?.[1];
  expect(itemUrl).toBe(`${stack.url}/app/items/${taskId}`);
  expect(ackUrl).toMatch(new RegExp(`^${stack.url}/app/ack/[A-Za-z0-9_-]{72}\\.[A-Za-z0-9_-]{43}$`));
  return { itemUrl: itemUrl!, ackUrl: ackUrl! };
}

const partStatus = async (stack: Stack, taskId: string, unitId: string) =>
  (await stack.sql<{ status: string }>(`SELECT status FROM assignments WHERE task_id = $1 AND unit_id = $2`, [taskId, unitId]))[0].status;

test('a reminder mail’s item link, opened in a fresh browser, lands on the item after login', async ({ browser, desk, stack }) => {
  const title = `推进产学研合作${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年9月底前' }]);
  const { itemUrl } = await reminderMail(stack, desk, tasks['1'].id);

  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto(itemUrl);
  await expect(page).toHaveURL(/\/app\/login\?next=/);
  await login(page, desk.staff);
  await expect(page).toHaveURL(itemUrl);
  await expect(page.getByRole('heading', { level: 1, name: `1 ${title}` })).toBeVisible();
  await fresh.close();
});

test('the acknowledgement link does nothing on a plain GET; the page’s 签收 button acknowledges', async ({ browser, request, desk, stack }) => {
  const title = `优化营商环境${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年10月底前' }]);
  const id = tasks['1'].id;
  const { ackUrl } = await reminderMail(stack, desk, id);
  const token = ackUrl.split('/').pop()!;

  // what a mail scanner does: fetch the link (and the old API form of it), follow redirects
  expect((await request.get(ackUrl)).status()).toBe(200);
  expect((await request.head(ackUrl)).status()).toBe(200);
  expect((await request.get(`${stack.url}/ack/${token}`)).status()).toBe(200);
  expect(await partStatus(stack, id, desk.unitId)).toBe('assigned');

  // a person opens it: no login needed, the item is shown, nothing happens until the button
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto(ackUrl);
  await expect(page.getByRole('heading', { name: '签收责任事项' })).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
  expect(await partStatus(stack, id, desk.unitId)).toBe('assigned');
  await page.getByRole('button', { name: '签收' }).click();
  await expect(page.getByText('签收成功')).toBeVisible();
  expect(await partStatus(stack, id, desk.unitId)).toBe('acknowledged');
  await fresh.close();
});
