import { expect, test } from '../support/fixtures';
import { Robot } from '../support/robot';
import { pickBySearch, signInAs } from '../support/roles';
import { shoot } from '../support/shots';

test('the admin sets a unit’s robot and sends a test message (a robot that refuses is said in words), and keeps a unit group', async ({ page, desk }) => {
  const robot = await Robot.start();
  try {
    await signInAs(page, 'admin', '用户管理');
    await page.goto(`/app/admin/units?unit=${desk.unitId}`);
    await expect(page.getByRole('heading', { name: desk.unitName })).toBeVisible();
    await expect(page.getByText('未设置')).toBeVisible();
    await page.getByLabel('机器人地址（Webhook）').fill(robot.url(`k-${desk.tag}`));
    await page.getByRole('button', { name: '保存机器人' }).click();
    // Only the host (and its port) is shown, never the key.
    await expect(page.getByText(/企业微信群机器人（127\.0\.0\.1:\d+）/)).toBeVisible();
    await expect(page.getByText(`k-${desk.tag}`)).toHaveCount(0);

    await page.getByRole('button', { name: '发送测试' }).click();
    await expect(page.getByRole('status').filter({ hasText: '测试消息已送达 127.0.0.1' })).toBeVisible();
    expect(robot.received).toHaveLength(1);
    expect(JSON.stringify(robot.received[0])).toContain('督办系统机器人连通测试');
    await shoot(page, 'unit-webhook');

    robot.status = 404;
    await page.getByRole('button', { name: '发送测试' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '测试消息未送达机器人 127.0.0.1' })).toBeVisible();
  } finally {
    await robot.stop();
  }

  // 单位分组: a name a unit already answers to is refused in words (what was typed stays); created, renamed, deleted.
  const group = `试验分组${desk.tag}`;
  await page.getByRole('button', { name: '新建分组' }).click();
  const dialog = page.getByRole('dialog', { name: '新建单位分组' });
  await pickBySearch(page, dialog.getByRole('combobox', { name: '成员单位' }), desk.unitName);
  // Leaving the member list closes its dropdown, which would cover the dialog's buttons.
  await dialog.getByLabel('分组名称').click();
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await dialog.getByLabel('分组名称').fill(desk.unitName);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`「${desk.unitName}」已是单位「${desk.unitName}」的名称或别名`);
  await dialog.getByLabel('分组名称').fill(group);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: group })).toContainText(`1 个：${desk.unitName}`);
  await shoot(page, 'unit-groups');
  await page.getByRole('button', { name: `编辑分组：${group}` }).click();
  const edit = page.getByRole('dialog', { name: `编辑分组“${group}”` });
  await edit.getByLabel('分组名称').fill(`${group}乙`);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('button', { name: `删除分组：${group}乙` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(`已删除分组“${group}乙”`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: group })).toHaveCount(0);
});
