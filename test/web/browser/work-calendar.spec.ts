import { expect, test } from '../support/fixtures';
import { choose, signInAs } from '../support/roles';
import { shoot } from '../support/shots';

/** A made-up notice for 2031 (weekdays right for 2031), so that no other test's year changes. */
const NOTICE_2031 = `国务院办公厅关于2031年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
一、元旦：1月1日（周三）放假1天，不调休。
二、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
三、国庆节：10月1日（周三）至7日（周二）放假调休，共7天。9月28日（周日）、10月11日（周六）上班。
国务院办公厅`;

test('the admin imports a year from the State Council notice, then adds, refuses and removes single days', async ({ page }) => {
  await signInAs(page, 'admin', '用户管理');
  await page.getByRole('link', { name: '工作日历', exact: true }).click();
  await expect(page.getByRole('heading', { name: '工作日历', level: 1 })).toBeVisible();
  await page.goto('/app/admin/calendar?year=2031');
  await expect(page.getByText('本年安排未完整', { exact: false })).toBeVisible();

  // The notice: the preview shows every holiday read, and only the confirmation writes.
  await page.getByLabel(/粘贴通知全文/).fill(NOTICE_2031);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('2031 年：识别出 3 个节日，共 16 天（放假与调休上班）')).toBeVisible();
  await expect(page.getByRole('row', { name: /国庆节 2031-10-01 至 2031-10-07，共 7 天 2031-09-28、2031-10-11/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '10月11日 周末' })).toBeVisible();
  await page.getByRole('button', { name: '确认导入 2031 年（16 天）' }).click();
  await expect(page.getByRole('button', { name: '10月11日 调休上班：国庆节' })).toBeVisible();
  await expect(page.getByText('本年安排已完整')).toBeVisible();

  // One day of the city's own: picked in the year view, named, saved.
  await page.getByRole('button', { name: '3月12日 工作日' }).click();
  await expect(page.getByLabel('日期')).toHaveValue('2031-03-12');
  await choose(page, page.getByRole('combobox', { name: '类型' }), '地方休息日');
  await page.getByLabel('名称').fill('市庆日');
  await page.getByRole('button', { name: '保存这一天' }).click();
  await expect(page.getByRole('button', { name: '3月12日 地方休息日：市庆日' })).toBeVisible();
  await shoot(page, 'work-calendar');

  // A weekday cannot be a 调休 working day: refused in words, nothing changed.
  await choose(page, page.getByRole('combobox', { name: '类型' }), '调休上班');
  await page.getByRole('button', { name: '保存这一天' }).click();
  // The refusal is said in the form (the toasts of the earlier saves may still be showing).
  await expect(page.getByRole('region', { name: '添加或修改一天' }).getByRole('alert')).toContainText('2031-03-12');
  await expect(page.getByRole('button', { name: '3月12日 地方休息日：市庆日' })).toBeVisible();

  await page.getByRole('button', { name: '删除 2031-03-12' }).click();
  await expect(page.getByRole('button', { name: '3月12日 工作日' })).toBeVisible();
});
