import { expect, test } from '../support/fixtures';
import { signInAs } from '../support/roles';
import { shoot } from '../support/shots';

test('the supervisor urges picked items now, from the 总台账 and from a 督办工作台 queue: the unit gets one mail each and the item records it', async ({ page, desk, stack }) => {
  const overdue = `清理历史遗留问题${desk.tag}`;
  const { tasks } = await desk.plan([
    { title: `建设概念验证中心${desk.tag}`, lead: desk.unitName, deadline: '2030年6月底前' },
    { title: `培育科技型中小企业${desk.tag}`, lead: desk.unitName, deadline: '2030年9月底前' },
    // Due before any other test's item, so it heads the 超期 queue (soonest first).
    { title: overdue, lead: desk.unitName, deadline: '2001年3月底前' },
  ]);
  await signInAs(page, 'supervisor', '督办工作台');
  await page.goto(`/app/ledger?q=${desk.tag}`);
  await expect(page.getByText('共 3 项')).toBeVisible();
  await page.getByRole('checkbox', { name: `选择：建设概念验证中心${desk.tag}` }).check();
  await page.getByRole('checkbox', { name: `选择：培育科技型中小企业${desk.tag}` }).check();
  await page.getByRole('button', { name: '立即催办（2）' }).click();
  const dialog = page.getByRole('dialog', { name: '立即催办选中的 2 项' });
  await dialog.getByLabel(/催办说明/).fill('请于本周五前报送进展');
  await shoot(page, 'urge');
  await dialog.getByRole('button', { name: '发送催办' }).click();
  await expect(page.getByText('已催办：2 个单位将立即收到催办')).toBeVisible();

  // The unit's staff get one mail per item, with the supervisor's words, and no second one.
  const mine = (m: { to: string[]; subject: string }) => m.to.includes(`${desk.staff}@duban.example.cn`) && m.subject.includes('督办员催办');
  const mails = await stack.sink.waitFor(mine, 2, 30_000);
  expect(mails.map((m) => m.text)).toEqual([expect.stringContaining('催办说明：请于本周五前报送进展'), expect.stringContaining('催办说明：请于本周五前报送进展')]);
  const states = async () =>
    (await stack.sql(`SELECT state FROM reminders WHERE task_id = ANY($1::uuid[]) AND reason = 'manual'`, [Object.values(tasks).map((t) => t.id)])).map((r) => r.state);
  await expect.poll(states).toEqual(['sent', 'sent']);
  expect(stack.sink.messages.filter(mine)).toHaveLength(2);

  // 批量催办 on the 督办工作台: the same dialog, from the 超期 queue.
  await page.goto('/app/supervision?tab=overdue');
  await page.getByRole('checkbox', { name: `选择：${overdue}` }).check();
  await page.getByRole('button', { name: '批量催办（1）' }).click();
  const fromQueue = page.getByRole('dialog', { name: '立即催办选中的 1 项' });
  await shoot(page, 'supervision-urge');
  await fromQueue.getByRole('button', { name: '发送催办' }).click();
  await expect(page.getByText('已催办：1 个单位将立即收到催办')).toBeVisible();
  await stack.sink.waitFor(mine, 3, 30_000);
  const urged = await stack.sql(`SELECT state FROM reminders WHERE task_id = $1 AND reason = 'manual'`, [tasks['3'].id]);
  expect(urged).toHaveLength(1);

  // The item's history says who urged it.
  await page.goto(`/app/items/${tasks['1'].id}`);
  await expect(page.getByText('督办员催办', { exact: true })).toBeVisible();
});
