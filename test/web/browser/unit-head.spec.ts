import { expect, row, segment, signIn, test } from '../support/fixtures';

test('a unit head sees the unit’s items by person, with each person’s figures', async ({ page, desk, stack }) => {
  const reported = `建设科创中心${desk.tag}`;
  const untouched = `编制产业规划${desk.tag}`;
  const { tasks } = await desk.plan([
    { title: reported, lead: desk.unitName, deadline: '2030年12月底前' },
    { title: untouched, lead: desk.unitName, deadline: '2030年10月底前' },
  ]);
  await stack.api.call(desk.staff, 'POST', `/tasks/${tasks['1'].id}/transitions`, { to: 'acknowledged', version: tasks['1'].version });
  await stack.api.call(desk.staff, 'POST', `/tasks/${tasks['1'].id}/progress`, { percent: 50, note: '过半' });

  await signIn(page, desk.head);
  await page.getByRole('tab', { name: /全部/ }).click();
  await segment(page, '按人员');
  const person = page.getByRole('region', { name: `试验局承办人${desk.tag}的事项` });
  await expect(person.getByRole('heading')).toHaveText(`试验局承办人${desk.tag}（1 项）`);
  await expect(row(person, reported)).toBeVisible();
  const nobody = page.getByRole('region', { name: '尚无人报送进展的事项' });
  await expect(nobody).toContainText(untouched);
  const people = page.getByRole('region', { name: '本单位人员办理情况' });
  await expect(people.getByRole('row', { name: new RegExp(`试验局承办人${desk.tag}`) })).toContainText('1');
  // the staff member does not get the by-person view
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, desk.staff);
  await expect(page.locator('.ant-segmented')).toHaveCount(0);
});
