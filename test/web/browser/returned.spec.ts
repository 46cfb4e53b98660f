import { expect, row, signIn, test } from '../support/fixtures';

test('an item the supervisor returned shows under 被退回 with the reason, and is submitted again', async ({ page, desk, stack }) => {
  const title = `完善科技金融服务${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年11月底前' }]);
  const id = tasks['1'].id;
  // set up through the API: the unit acknowledges, reports and submits; the supervisor returns it
  const a = await stack.api.call<{ version: number }>(desk.staff, 'POST', `/tasks/${id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/progress`, { percent: 100, note: '已完成' });
  const current = await stack.api.call<{ version: number }>(desk.staff, 'GET', `/tasks/${id}`);
  expect(current.version).toBeGreaterThanOrEqual(a.version);
  const sub = await stack.api.call<{ version: number }>(desk.staff, 'POST', `/tasks/${id}/submit`, { version: current.version });
  const reason = '佐证材料不足，请补充验收报告';
  await stack.api.call('supervisor', 'POST', `/tasks/${id}/review`, { decision: 'return', reason, version: sub.version });

  await signIn(page, desk.staff);
  await page.getByRole('tab', { name: '被退回（1）' }).click();
  await expect(row(page, title)).toContainText('被退回');
  await row(page, title).getByRole('link', { name: `1 ${title}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: `已被退回：${reason}` })).toBeVisible();

  await page.getByRole('button', { name: '重新申请办结' }).click();
  const dialog = page.getByRole('dialog', { name: '重新申请办结' });
  await expect(dialog).toContainText(`退回原因：${reason}`);
  await dialog.getByLabel('办结说明').fill('已补充验收报告');
  await dialog.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('已提交，等待督办员审核')).toBeVisible();
  await expect(page.locator('.task-header')).toContainText('已报送待审核');
  expect((await stack.api.call<{ status: string }>(desk.staff, 'GET', `/tasks/${id}`)).status).toBe('submitted');
  await page.getByRole('link', { name: '工作台' }).first().click();
  await expect(page.getByRole('tab', { name: '被退回（0）' })).toBeVisible();
});
