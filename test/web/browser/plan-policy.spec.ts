import { expect, test } from '../support/fixtures';
import { choose, signInAs } from '../support/roles';

interface Schedule {
  schedule: { id: string; kind: string; audience: string; reason: string; dueAt: string; state: string }[];
}

test("editing a plan's reminder policy changes the item's reminder schedule", async ({ page, desk, stack }) => {
  const title = `推进数据要素市场化${desk.tag}`;
  const { planId, tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年12月底前' }]);
  const id = tasks['1'].id;
  const before = await stack.api.call<Schedule>('supervisor', 'GET', `/tasks/${id}/reminders`);
  expect(before.schedule.some((s) => s.kind === 'urge' && s.audience === 'unit_head' && s.reason === 'deadline' && s.dueAt < '2030-12-25')).toBe(false);

  await signInAs(page, 'supervisor', '督办工作台');
  await page.goto(`/app/plans/${planId}`);
  await page.getByRole('button', { name: `提醒计划：${title}` }).click();
  const schedule = page.getByRole('region', { name: `提醒计划：1 ${title}` });
  await expect(schedule.locator('tbody tr')).toHaveCount(before.schedule.length);

  // a new step: 催办 to the unit head 20 days before the deadline, by mail and inbox
  const policy = page.getByRole('region', { name: /^提醒规则/ });
  const steps = policy.locator('tbody tr');
  const n = await steps.count();
  await policy.getByRole('button', { name: '添加提醒步骤' }).click();
  await expect(steps).toHaveCount(n + 1);
  await policy.getByLabel(`第 ${n + 1} 步：数量`).fill('20');
  await choose(page, policy.getByLabel(`第 ${n + 1} 步：级别`), '催办');
  await choose(page, policy.getByLabel(`第 ${n + 1} 步：对象`), '单位负责人');
  await policy.getByRole('button', { name: '保存提醒规则' }).click();
  await expect(page.getByText(/已保存，\d+ 项事项的提醒已重新安排/)).toBeVisible();

  const saved = await stack.api.call<{ isDefault: boolean; policy: { steps: { offset: string; kind: string; audience: string }[] } }>('supervisor', 'GET', `/plans/${planId}/reminder-policy`);
  expect(saved.isDefault).toBe(false);
  expect(saved.policy.steps).toContainEqual(expect.objectContaining({ offset: '-P20D', kind: 'urge', audience: 'unit_head' }));
  const after = await stack.api.call<Schedule>('supervisor', 'GET', `/tasks/${id}/reminders`);
  const added = after.schedule.filter((s) => s.kind === 'urge' && s.audience === 'unit_head' && s.reason === 'deadline' && s.dueAt < '2030-12-25');
  expect(added).toHaveLength(1);
  // the page shows the new schedule, the new 催办 among it
  await expect(schedule.locator('tbody tr')).toHaveCount(after.schedule.length);
  const when = new Date(added[0].dueAt);
  const shanghai = new Date(when.getTime() + 8 * 3600_000);
  const text = `${shanghai.getUTCFullYear()}年${shanghai.getUTCMonth() + 1}月${shanghai.getUTCDate()}日 ${String(shanghai.getUTCHours()).padStart(2, '0')}:${String(shanghai.getUTCMinutes()).padStart(2, '0')}`;
  await expect(schedule.locator('tbody tr').filter({ hasText: text }).filter({ hasText: '催办' })).toContainText('单位负责人');
});
