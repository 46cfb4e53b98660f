import { expect, signIn, test } from '../support/fixtures';

test('签收 on an item someone else just changed shows "已被他人修改，已为您刷新" with the fresh data', async ({ page, desk, stack }) => {
  const title = `加快数字政府建设${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年8月底前' }]);
  await signIn(page, desk.staff);
  await page.goto(`/app/items/${tasks['1'].id}`);
  await expect(page.getByRole('button', { name: '签收', exact: true })).toBeVisible();
  // meanwhile the unit head acknowledges it (through the API)
  await stack.api.call(desk.head, 'POST', `/tasks/${tasks['1'].id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await expect(page.getByText('此事项已被他人修改，已为您刷新')).toBeVisible();
  // the page now shows what is true: acknowledged, so 签收 is gone and 报送进展 is offered
  await expect(page.locator('.task-header')).toContainText('已签收');
  await expect(page.getByRole('button', { name: '签收', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '报送进展' })).toBeVisible();
});

test('申请办结 refused as stale keeps the typed note; sent again it goes through, nothing lost', async ({ page, desk, stack }) => {
  const title = `推进政务数据共享${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年8月底前' }]);
  const id = tasks['1'].id;
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/progress`, { percent: 90, note: '基本完成' });
  await signIn(page, desk.staff);
  await page.goto(`/app/items/${id}`);
  await page.getByRole('button', { name: '申请办结' }).click();
  const dialog = page.getByRole('dialog', { name: '申请办结' });
  await dialog.getByLabel('办结说明').fill('数据共享平台已上线');
  // the head reports meanwhile: the item's version moves on
  await stack.api.call(desk.head, 'POST', `/tasks/${id}/progress`, { percent: 100, note: '已全部完成' });
  await dialog.getByRole('button', { name: '提交审核' }).click();
  await expect(dialog.getByRole('alert')).toContainText('此事项已被他人修改，已为您刷新');
  await expect(dialog.getByLabel('办结说明')).toHaveValue('数据共享平台已上线');
  await expect(page.getByRole('region', { name: '进展报送' })).toContainText('已全部完成');
  // the item itself (its version) is read again too: its overall progress is the head's 100%
  await expect(page.getByLabel('总体进度 100%')).toBeVisible();
  await dialog.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('已提交，等待督办员审核')).toBeVisible();
  const history = await stack.api.call<{ items: { action: string; after: { note?: string } }[] }>(desk.staff, 'GET', `/tasks/${id}/history?limit=200`);
  expect(history.items.find((e) => e.action === 'task.submitted')?.after.note).toBe('数据共享平台已上线');
});

test('a network failure or a server error keeps what was typed in 报送进展; the retry files one report', async ({ page, context, desk, stack }) => {
  const title = `建设人才公寓${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年8月底前' }]);
  const id = tasks['1'].id;
  await stack.api.call(desk.staff, 'POST', `/tasks/${id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await signIn(page, desk.staff);
  await page.goto(`/app/items/${id}`);
  await page.getByRole('button', { name: '报送进展' }).click();
  const dialog = page.getByRole('dialog', { name: '报送进展' });
  const send = dialog.getByRole('button', { name: '报送', exact: true });
  await dialog.getByLabel('完成进度（%）').fill('30');
  await dialog.getByLabel('进展情况').fill('完成选址，启动设计招标');

  // the network goes away
  await context.setOffline(true);
  await send.click();
  await expect(dialog.getByRole('alert')).toContainText('网络连接失败');
  await expect(dialog.getByLabel('进展情况')).toHaveValue('完成选址，启动设计招标');
  await context.setOffline(false);

  // the server answers 503 once
  await page.route('**/tasks/*/progress', (r) => r.fulfill({ status: 503, contentType: 'application/json', body: '{"statusCode":503,"message":"unavailable"}' }), { times: 1 });
  await send.click();
  await expect(dialog.getByRole('alert')).toContainText('服务器暂时出错');
  // closing and reopening the dialog keeps the text too
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '报送进展' }).click();
  await expect(dialog.getByLabel('进展情况')).toHaveValue('完成选址，启动设计招标');
  await expect(dialog.getByLabel('完成进度（%）')).toHaveValue('30');

  await send.click();
  await expect(page.getByText('进展已报送')).toBeVisible();
  const history = await stack.api.call<{ items: { action: string }[] }>(desk.staff, 'GET', `/tasks/${id}/history?limit=200`);
  expect(history.items.filter((e) => e.action === 'task.progress_reported')).toHaveLength(1);
});
