import { expect, row, test } from '../support/fixtures';
import { signInAs, submitAsUnit } from '../support/roles';

test('the supervisor returns a submitted item with a reason, and approves it once submitted again', async ({ page, desk, stack }) => {
  const title = `推进产学研协同攻关${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, responsible: ['市财政局'], deadline: '2030年11月底前' }]);
  const id = tasks['1'].id;
  await submitAsUnit(stack, desk.staff, id, '已建成联合实验室三个');

  await signInAs(page, 'supervisor', '督办工作台');
  const waiting = await stack.api.call<{ total: number }>('supervisor', 'GET', '/tasks?status=submitted&limit=1');
  await expect(page.getByRole('tab', { name: `待审核（${waiting.total}）` })).toBeVisible();
  await row(page, title).getByRole('link', { name: `审核：${title}` }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '牵头单位汇总报告' })).toContainText('已建成联合实验室三个');
  await expect(page.getByRole('region', { name: '责任单位及办理情况' })).toContainText('市财政局');

  // a return needs a reason: without one, nothing is sent
  const decide = page.getByRole('complementary', { name: '审核决定' });
  await decide.getByRole('button', { name: '退回' }).click();
  await expect(decide.getByRole('alert')).toContainText('请填写退回原因');
  expect((await stack.api.call<{ status: string }>('supervisor', 'GET', `/tasks/${id}`)).status).toBe('submitted');

  const reason = '缺少验收报告，请补充后再报';
  await decide.getByLabel('退回原因（退回时必填）').fill(reason);
  await decide.getByRole('button', { name: '退回' }).click();
  await expect(page.getByText('已退回，单位将看到退回原因')).toBeVisible();
  await expect(page.locator('.task-header')).toContainText('被退回');
  const returned = await stack.api.call<{ status: string; statusReason: string }>('supervisor', 'GET', `/tasks/${id}`);
  expect(returned).toMatchObject({ status: 'returned', statusReason: reason });

  // the unit submits again; the supervisor approves from the same page
  await submitAsUnit(stack, desk.staff, id, '已补充验收报告', false);
  await page.reload();
  await expect(page.getByRole('region', { name: '牵头单位汇总报告' })).toContainText('已补充验收报告');
  await decide.getByRole('button', { name: '审核通过（办结）' }).click();
  await expect(page.getByText('已审核通过，事项办结')).toBeVisible();
  await expect(page.locator('.task-header')).toContainText('已办结');
  expect((await stack.api.call<{ status: string }>('supervisor', 'GET', `/tasks/${id}`)).status).toBe('completed');
});

test('the supervisor approves an extension and sees the new deadline, the original kept', async ({ page, desk, stack }) => {
  const title = `建设中试验证平台${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年6月底前' }]);
  const id = tasks['1'].id;
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/extensions`, { requestedDueAt: '2030-09-30', reason: '设备到货推迟两个月' });

  await signInAs(page, 'supervisor', '督办工作台');
  const pending = await stack.api.call<{ total: number }>('supervisor', 'GET', '/tasks?extensionPending=true&limit=1');
  await page.getByRole('tab', { name: `待审批延期（${pending.total}）` }).click();
  await row(page, title).getByRole('link', { name: `审批延期：${title}` }).click();
  const box = page.getByRole('region', { name: '延期审批' });
  await expect(box).toContainText('原定时限2030年6月30日');
  await expect(box).toContainText('当前时限2030年6月30日');
  await expect(box).toContainText('申请延至2030年9月30日');
  await expect(box).toContainText('设备到货推迟两个月');

  await box.getByRole('button', { name: '批准延期' }).click();
  await expect(page.getByText(/已批准延期，新的完成时限：2030年9月30日/)).toBeVisible();
  const info = page.getByRole('region', { name: '基本信息' });
  await expect(info).toContainText('完成时限2030年9月30日');
  await expect(info).toContainText('原定时限2030年6月30日');
  await expect(page.getByRole('region', { name: '延期审批' })).toHaveCount(0);
  const after = await stack.api.call<{ dueAt: string; originalDueAt: string }>('supervisor', 'GET', `/tasks/${id}`);
  expect(after.originalDueAt).not.toBe(after.dueAt);
  expect(new Date(after.originalDueAt).toISOString().slice(0, 10)).toBe('2030-06-30');
  expect(new Date(after.dueAt).getTime()).toBeGreaterThan(new Date('2030-09-29T16:00:00Z').getTime());
});
