import { expect, login, test } from '../support/fixtures';
import { pickBySearch, signInAs } from '../support/roles';

test('an admin adds a user who can then log in, and disables them again', async ({ page, desk, stack }) => {
  const username = `new${desk.tag}`;
  await signInAs(page, 'admin', '用户管理');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill(`新同事${desk.tag}`);
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('checkbox', { name: '承办人' }).check();
  await pickBySearch(page, dialog.getByLabel('所在单位'), desk.unitName);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByText('初始密码至少 8 位')).toBeVisible();
  await dialog.getByLabel('初始密码').fill('welcome-2030');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已创建用户')).toBeVisible();
  const made = await stack.api.call<{ items: { username: string; unitId: string; roles: string[] }[] }>('admin', 'GET', `/users?q=${username}`);
  expect(made.items).toEqual([expect.objectContaining({ username, unitId: desk.unitId, roles: ['staff'] })]);

  // the new user logs in and lands on the unit's 工作台
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await login(page, username, 'welcome-2030');
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await expect(page.locator('.app-user')).toContainText(`新同事${desk.tag}`);

  // disabled, the same login is refused
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await signInAs(page, 'admin', '用户管理');
  await page.getByLabel('用户名或姓名').fill(username);
  await page.getByRole('button', { name: '查找' }).click();
  await page.getByRole('button', { name: `停用：${username}` }).click();
  await expect(page.getByText(`已停用：新同事${desk.tag}`)).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await login(page, username, 'welcome-2030');
  // a disabled account is refused like a wrong password: the page does not say which accounts exist
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误，请重新输入' })).toBeVisible();
  await expect(page).toHaveURL(/\/app\/login/);
});
