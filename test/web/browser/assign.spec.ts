import { expect, row, signIn, test } from '../support/fixtures';

test('a unit head hands an item to a person (分办); it is on that person’s 分给我 tab', async ({ page, desk }) => {
  const title = `推进中试平台建设${desk.tag}`;
  const { tasks } = await desk.plan([{ title, lead: desk.unitName, deadline: '2030年11月底前' }]);

  await signIn(page, desk.head);
  await page.goto(`/app/items/${tasks['1'].id}`);
  const units = page.getByRole('region', { name: '责任单位及办理情况' });
  await expect(units).toContainText('未分办');
  await page.getByRole('button', { name: '分办' }).click();
  const dialog = page.getByRole('dialog', { name: '分办' });
  // By keyboard: type part of the name into the searchable list, then Enter picks the match.
  await dialog.getByLabel('承办人').fill(`承办人${desk.tag}`);
  await expect(page.locator('.ant-select-item-option-active')).toHaveText(`试验局承办人${desk.tag}`);
  await dialog.getByLabel('承办人').press('Enter');
  await dialog.getByRole('button', { name: '确定分办' }).click();
  await expect(dialog).toBeHidden();
  await expect(units.getByRole('row', { name: new RegExp(desk.unitName) })).toContainText(`试验局承办人${desk.tag}`);

  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, desk.staff);
  // Staff of a unit that does not allow it are not offered 分办.
  await page.getByRole('tab', { name: /分给我/ }).click();
  await expect(row(page, title)).toBeVisible();
  await row(page, title).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: '分办' })).toHaveCount(0);
});
