import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { choose, pickBySearch, signInAs } from '../support/roles';
import { shoot } from '../support/shots';

const SHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

test('the 总台账 keeps its filters in a shareable address and named views, sorts by deadline, assigns without notice and exports what it shows', async ({ page, context, desk }) => {
  const { tasks } = await desk.plan([
    { title: `完善人才公寓配套${desk.tag}`, lead: desk.unitName, deadline: '2030年3月底前' },
    { title: `引进高层次人才团队${desk.tag}`, lead: desk.unitName, deadline: '2030年9月底前' },
    { title: `清理拖欠企业账款${desk.tag}`, lead: '市财政局', responsible: [desk.unitName], deadline: '2020年6月底前' },
  ]);
  await signInAs(page, 'supervisor', '督办工作台');
  await page.getByRole('link', { name: '总台账', exact: true }).click();
  await page.getByLabel('关键词').fill(desk.tag);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${desk.tag}`));
  const rows = page.locator('table.task-table tbody tr');
  await expect(page.getByText('共 3 项')).toBeVisible();
  // soonest first by default; the header sorts the other way
  await expect(rows.first()).toContainText('清理拖欠企业账款');
  await page.getByRole('button', { name: /^完成时限/ }).click();
  await expect(page).toHaveURL(/sort=dueAt%3Adesc|sort=dueAt:desc/);
  await expect(rows.first()).toContainText('引进高层次人才团队');
  await expect(page.getByRole('columnheader', { name: /完成时限/ })).toHaveAttribute('aria-sort', 'descending');

  // 超期 only: the one passed deadline
  await choose(page, page.getByRole('combobox', { name: '时限状态' }), '超期');
  await expect(page).toHaveURL(/light=red/);
  await expect(page.getByText('共 1 项')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('清理拖欠企业账款');

  // the address is the view: a colleague opening it sees the same items
  const shared = await context.newPage();
  await shared.goto(page.url());
  await expect(shared.getByText('共 1 项')).toBeVisible();
  await expect(shared.locator('table.task-table tbody tr').first()).toContainText('清理拖欠企业账款');
  await shared.close();

  // 我的视图: the filters saved under a name, opened again after 重置, then deleted
  const view = `超期${desk.tag}`;
  const views = page.getByRole('navigation', { name: '我的视图' });
  await page.getByRole('button', { name: '保存为视图' }).click();
  const save = page.getByRole('dialog', { name: '将当前筛选保存为视图' });
  await save.getByLabel('视图名称').fill(view);
  await save.getByRole('button', { name: '保存' }).click();
  await expect(save).toBeHidden();
  await expect(views.getByRole('link', { name: view })).toHaveAttribute('aria-current', 'page');
  await shoot(page, 'ledger-views');
  await page.getByRole('button', { name: '重置' }).click();
  await expect(page).not.toHaveURL(/light=red/);
  await views.getByRole('link', { name: view }).click();
  await expect(page).toHaveURL(/light=red/);
  await expect(page.getByText('共 1 项')).toBeVisible();
  await views.getByRole('button', { name: '删除视图' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(views.getByRole('link', { name: view })).toHaveCount(0);

  // 批量指派 with 通知该单位 off: the item's history names the unit and says it was not told
  await page.getByRole('checkbox', { name: `选择：清理拖欠企业账款${desk.tag}` }).check();
  await page.getByRole('button', { name: '批量指派单位（1）' }).click();
  const assign = page.getByRole('dialog', { name: '为选中的 1 项指派单位' });
  await pickBySearch(page, assign.getByRole('combobox', { name: '单位', exact: true }), '武汉市教育局');
  await choose(page, assign.getByRole('combobox', { name: '角色' }), '配合');
  await assign.getByRole('switch', { name: '通知该单位' }).click();
  await expect(assign.getByRole('switch', { name: '通知该单位' })).not.toBeChecked();
  await shoot(page, 'bulk-assign-quiet');
  await assign.getByRole('button', { name: '指派' }).click();
  await expect(page.getByText('已指派（未通知该单位）')).toBeVisible();
  const item = await context.newPage();
  await item.goto(`/app/items/${tasks['3'].id}`);
  await expect(item.getByText('单位：武汉市教育局（配合），未通知该单位')).toBeVisible();
  await item.close();

  // the export is the same filtered list, every row (GET /reports/items?format=csv)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('责任事项');
  expect(csv).toContain(`清理拖欠企业账款${desk.tag}`);
  expect(csv).not.toContain(`引进高层次人才团队${desk.tag}`);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});

test('a screenshot of the 总台账 for the README', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await signInAs(page, 'supervisor', '督办工作台');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/app/ledger');
  await expect(page.locator('table.task-table tbody tr').first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'ledger.png') });
});
