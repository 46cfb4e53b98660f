/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, Page } from '@playwright/test';
import { test } from '../support/fixtures';
import { signInAs } from '../support/roles';

const SHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

interface Summary {
  total: number;
  completed: number;
  overdue: number;
  byLight: { green: number; yellow: number; red: number };
  completionRate: number | null;
  onTimeCompletionRate: number | null;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);

test("the leader's 驾驶舱 shows the totals of GET /reports/summary, each leading to its items", async ({ page, desk, stack }) => {
  // something overdue and something done, so every figure has a value worth comparing
  const { tasks } = await desk.plan([
    { title: `整治老旧小区管网${desk.tag}`, lead: desk.unitName, deadline: '2020年6月底前' },
    { title: `建成社区养老服务站${desk.tag}`, lead: desk.unitName, deadline: '2030年6月底前' },
  ]);
  await stack.api.call(desk.staff, 'POST', `/tasks/${tasks['2'].id}/transitions`, { to: 'acknowledged', version: tasks['2'].version });

  await signInAs(page, 'leader', '驾驶舱');
  await expect(figure(page, '事项总数')).toBeVisible();
  const s = await stack.api.call<Summary>('leader', 'GET', '/reports/summary');
  await expect(figure(page, '事项总数')).toHaveText(String(s.total));
  await expect(figure(page, '已办结')).toHaveText(String(s.completed));
  await expect(figure(page, '超期')).toHaveText(String(s.overdue));
  await expect(figure(page, '黄灯（临期/滞后）')).toHaveText(String(s.byLight.yellow));
  await expect(figure(page, '绿灯（正常）')).toHaveText(String(s.byLight.green));
  await expect(figure(page, '办结率')).toHaveText(pct(s.completionRate));
  await expect(figure(page, '按时办结率')).toHaveText(pct(s.onTimeCompletionRate));
  // the charts arrive with their own chunk
  await expect(page.getByRole('img', { name: /绿灯 \d+ 项，黄灯 \d+ 项，红灯 \d+ 项/ }).locator('canvas')).toBeVisible();

  // one plan: the figures follow the filter
  const { planId } = (await stack.api.call<{ items: { planId: string }[] }>('leader', 'GET', `/tasks?q=${desk.tag}&limit=1`)).items[0];
  await page.goto(`/app/cockpit?planId=${planId}`);
  const one = await stack.api.call<Summary>('leader', 'GET', `/reports/summary?planId=${planId}`);
  await expect(figure(page, '事项总数')).toHaveText(String(one.total));
  await expect(figure(page, '超期')).toHaveText(String(one.overdue));

  // a figure is a link to the items behind it
  await page.getByRole('link', { name: `超期 ${one.overdue}，查看事项` }).click();
  await expect(page.getByRole('heading', { name: '总台账', level: 1 })).toBeVisible();
  await expect(page.getByText(`共 ${one.overdue} 项`)).toBeVisible();
  await expect(page.locator('table.task-table tbody tr').first()).toContainText('整治老旧小区管网');

  // 大屏: the page alone, for the meeting-room display
  await page.goto('/app/cockpit');
  await page.getByRole('button', { name: '大屏' }).click();
  await expect(page.locator('.app-header')).toBeHidden();
  await page.getByRole('button', { name: '退出大屏' }).click();
  await expect(page.locator('.app-header')).toBeVisible();
});

test('screenshots of the 驾驶舱 on a desktop and on a phone, which it fits', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'leader', '驾驶舱');
  await expect(page.getByRole('region', { name: '单位办结率排名' }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('region', { name: '办结与超期趋势' }).locator('canvas')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'cockpit.png'), fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(page.getByRole('region', { name: '红黄绿灯分布' }).locator('canvas')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SHOTS, 'cockpit-phone.png') });
});
