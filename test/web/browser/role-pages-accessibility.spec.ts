import { join } from 'node:path';
import { expect, expectAccessible, test } from '../support/fixtures';
import { signInAs, submitAsUnit } from '../support/roles';

const SEED = join(__dirname, '..', '..', '..', 'seeds', '002_57cf7a51432eec6e.txt');

// Three tests rather than one: each page is analysed by axe, which on the shared machine took the
// single test past four minutes; split, they also run on different workers.
test("the supervisor's pages pass axe with no serious or critical violation: 督办工作台, reviews, 总台账, plan", async ({ page, desk, stack }) => {
  const title = `建设算力调度中心${desk.tag}`;
  const { planId, tasks } = await desk.plan([
    { title, lead: desk.unitName, responsible: ['市发改委'], deadline: '2030年12月底前' },
    { title: `培育数字经济企业${desk.tag}`, lead: desk.unitName, deadline: '2030年8月底前' },
  ]);
  await submitAsUnit(stack, desk.staff, tasks['1'].id, '已完成一期建设');
  await stack.api.call(desk.staff, 'POST', `/tasks/${tasks['2'].id}/transitions`, { to: 'acknowledged', version: tasks['2'].version });
  await stack.api.call(desk.staff, 'POST', `/tasks/${tasks['2'].id}/extensions`, { requestedDueAt: '2030-11-30', reason: '等待资金下达' });

  await signInAs(page, 'supervisor', '督办工作台');
  await expect(page.locator('table.task-table')).toBeVisible();
  await expectAccessible(page, 'supervision');
  await page.getByRole('tab', { name: /投递失败/ }).click();
  await expect(page.getByRole('tab', { name: /投递失败/, selected: true })).toBeVisible();
  await expectAccessible(page, 'supervision: failed deliveries');

  await page.goto(`/app/review/${tasks['1'].id}`);
  await expect(page.getByRole('region', { name: '牵头单位汇总报告' })).toContainText('已完成一期建设');
  await expectAccessible(page, 'review');
  await page.goto(`/app/review/${tasks['2'].id}`);
  await expect(page.getByRole('region', { name: '延期审批' })).toBeVisible();
  await expectAccessible(page, 'extension review');

  await page.goto(`/app/ledger?q=${desk.tag}`);
  await expect(page.getByText('共 2 项')).toBeVisible();
  await expectAccessible(page, 'ledger');

  await page.goto(`/app/plans/${planId}`);
  await page.getByRole('button', { name: `提醒计划：${title}` }).click();
  await expect(page.getByRole('region', { name: `提醒计划：1 ${title}` }).locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'plan');
});

test('the import pages and the 驾驶舱 pass axe with no serious or critical violation', async ({ page }) => {
  await signInAs(page, 'supervisor', '督办工作台');
  await page.goto('/app/imports/new');
  await expectAccessible(page, 'import: upload');
  await page.getByLabel('方案文件', { exact: true }).setInputFiles(SEED);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入方案：预览与修正' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^责任事项（\d+）$/ }).locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'import: preview');

  await page.goto('/app/cockpit');
  await expect(page.getByRole('region', { name: '红黄绿灯分布' }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('region', { name: '单位办结率排名' }).locator('table')).toBeVisible();
  await expectAccessible(page, 'cockpit');
});

test("the admin's pages pass axe with no serious or critical violation: users, a new user, units", async ({ page, desk }) => {
  await signInAs(page, 'admin', '用户管理');
  await expect(page.locator('table.task-table tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'admin: users');
  await page.getByRole('button', { name: '新建用户' }).click();
  await expect(page.getByRole('dialog', { name: '新建用户' })).toBeVisible();
  await expectAccessible(page, 'admin: new user dialog');
  await page.keyboard.press('Escape');
  // The unit is chosen by its address: the tree shows the first screenful of the units other tests made.
  await page.goto(`/app/admin/units?unit=${desk.unitId}`);
  await expect(page.getByRole('region', { name: desk.unitName })).toBeVisible();
  await expectAccessible(page, 'admin: units');
});
