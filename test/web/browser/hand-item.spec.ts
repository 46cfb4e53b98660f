import { expect, row, signIn, test } from '../support/fixtures';
import { choose, pickBySearch, signInAs } from '../support/roles';
import { shoot } from '../support/shots';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('the supervisor enters a 交办件 by hand (a bad deadline said under its field) and the unit’s staff see it on their 工作台', async ({ page, browser, desk }) => {
  const title = `加快建设概念验证中心${desk.tag}`;
  await signInAs(page, 'supervisor', '督办工作台');
  await page.getByRole('link', { name: '立项交办', exact: true }).click();
  await expect(page.getByRole('heading', { name: '立项交办', level: 1 })).toBeVisible();

  await choose(page, page.getByRole('combobox', { name: '立项来源' }), '会议议定');
  await page.getByLabel('交办机关或领导').fill('市人民政府');
  await page.getByLabel('文号').fill(`市政府常务会议纪要〔2026〕${desk.tag}号`);
  await page.locator('input[type=file]').setInputFiles({ name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByText('会议纪要.pdf')).toBeVisible();
  await page.getByLabel('事项名称').fill(title);
  await page.getByLabel('具体内容').fill('按会议要求年内建成并运营');
  await page.getByLabel('完成时限').fill('尽快');
  const lead = page.getByRole('combobox', { name: '牵头单位' });
  await pickBySearch(page, lead, desk.unitName);
  await page.getByRole('button', { name: '立项并交办' }).click();
  // Refused: the words are under the deadline, and everything typed is still there.
  await expect(page.locator('#hand-item_deadline_help')).toContainText('完成时限「尽快」无法识别');
  await expect(page.getByLabel('事项名称')).toHaveValue(title);
  await shoot(page, 'hand-item');

  await page.getByLabel('完成时限').fill('2030-09-30');
  await page.getByRole('button', { name: '立项并交办' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, desk.staff);
  await expect(row(staff, title)).toBeVisible();
  await staff.context().close();
});
