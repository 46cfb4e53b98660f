import { Browser } from '@playwright/test';
import { expect, login, signIn, test } from '../support/fixtures';
import { signInAs } from '../support/roles';
import { shoot } from '../support/shots';

const staffPage = async (browser: Browser, username: string) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
};

test('the admin ends a user’s sessions; the user changes the password (a wrong one said in words) and makes an expiring token', async ({ page, browser, desk }) => {
  // Signed in elsewhere (another browser): the admin's 注销会话 ends it.
  const other = await staffPage(browser, desk.staff);
  await signInAs(page, 'admin', '用户管理');
  await page.getByLabel('用户名或姓名').fill(desk.staff);
  await page.getByRole('button', { name: '查找' }).click();
  await page.getByRole('button', { name: `注销会话：${desk.staff}` }).click();
  await page.getByRole('button', { name: '注销', exact: true }).click();
  await expect(page.getByText(/^已注销 .* 的全部会话：\d+ 个登录/)).toBeVisible();
  await shoot(page, 'admin-users');
  await other.reload();
  await expect(other.getByRole('button', { name: '登录' })).toBeVisible();

  // 个人设置: a read-only token that expires, then the password.
  await login(other, desk.staff);
  await expect(other.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible(); // signed in before moving on
  await other.goto('/app/settings');
  await other.getByLabel('用途').fill('周报导出');
  await other.getByRole('button', { name: '创建只读令牌' }).click();
  await expect(other.getByText('令牌已创建，请立即复制保存')).toBeVisible();
  await expect(other.getByText(/到期，最近使用 从未/)).toBeVisible();

  await other.getByLabel('当前密码').fill('not-my-password');
  await other.getByLabel('新密码', { exact: true }).fill('a-new-long-password');
  await other.getByLabel('再次输入新密码').fill('a-new-long-password');
  await other.getByRole('button', { name: '修改密码' }).click();
  await expect(other.getByRole('region', { name: '修改密码' }).getByRole('alert')).toContainText('当前密码不正确');
  // The typed new password stays; only the current one is fixed.
  await other.getByLabel('当前密码').fill('duban-demo');
  await shoot(other, 'settings');
  await other.getByRole('button', { name: '修改密码' }).click();
  await expect(other.getByText('密码已修改，所有设备上的登录已退出，请用新密码重新登录')).toBeVisible();
  await login(other, desk.staff, 'a-new-long-password');
  await expect(other.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await other.context().close();
});
