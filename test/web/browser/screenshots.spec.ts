import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, signIn, test } from '../support/fixtures';

const DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

// The README's pictures, taken from the demo data a new user sees (log in as kjj.staff).
test('screenshots of the 工作台 and of an item for the README', async ({ page, stack }) => {
  mkdirSync(DIR, { recursive: true });
  const list = await stack.api.call<{ items: { id: string; title: string; version: number }[] }>('kjj.staff', 'GET', '/me/tasks?tab=all&limit=50');
  const item = list.items.find((t) => t.title.startsWith('实施科技企业梯次培育行动'))!;
  expect(item).toBeDefined();
  // a morning's work on one item, so its page shows what a report looks like
  const detail = await stack.api.call<{ version: number; assignments: { unitId: string; status: string }[]; permissions: { unitRole: string } }>('kjj.staff', 'GET', `/tasks/${item.id}`);
  await stack.api.call('kjj.staff', 'POST', `/tasks/${item.id}/transitions`, { to: 'acknowledged', version: detail.version });
  await stack.api.call('kjj.staff', 'POST', `/tasks/${item.id}/progress`, {
    percent: 35,
    note: '已完成全市高新技术企业摸底，建立后备企业库 1260 家；正在组织第一批培育辅导。',
    evidence: ['https://kjj.wuhan.gov.cn/duban/2027/peiyu-mingdan.pdf'],
    indicatorValues: [{ name: '新增高新技术企业', value: 210 }],
  });
  await stack.api.call('kjj.staff', 'POST', `/tasks/${item.id}/comments`, { body: '请市财政局于本月底前明确配套资金安排。' });

  await signIn(page, 'kjj.staff');
  await page.getByRole('tab', { name: /全部/ }).click();
  await expect(page.locator('table.task-table tbody tr').first()).toBeVisible();
  await page.screenshot({ path: join(DIR, 'workbench.png'), fullPage: true });
  await page.goto(`/app/items/${item.id}`);
  await expect(page.getByRole('region', { name: '进展报送' })).toContainText('35%');
  await page.screenshot({ path: join(DIR, 'item.png'), fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/app/workbench?tab=all');
  await expect(page.locator('table.task-table tbody tr').first()).toBeVisible();
  await page.screenshot({ path: join(DIR, 'workbench-phone.png') });
});
