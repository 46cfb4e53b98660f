import { expect, Locator, Page } from '@playwright/test';
import { login } from './fixtures';
import { ADMIN, Stack } from './stack';

/** Logs in from the login page as a supervisor, leader or admin and waits for the start page of the role. */
export async function signInAs(page: Page, username: string, heading: string | RegExp) {
  await page.goto('/app/login');
  await login(page, username, username === ADMIN.username ? ADMIN.password : undefined);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** As the item's lead unit (staff): acknowledge, report 100% and 申请办结 with a note. Returns the version after submitting. */
export async function submitAsUnit(stack: Stack, staff: string, id: string, note: string, first = true): Promise<number> {
  const read = async () => (await stack.api.call<{ version: number }>(staff, 'GET', `/tasks/${id}`)).version;
  // 签收 the first time; after a return, back to 办理中 (the state machine's way to submit again)
  await stack.api.call(staff, 'POST', `/tasks/${id}/transitions`, { to: first ? 'acknowledged' : 'in_progress', version: await read() });
  await stack.api.call(staff, 'POST', `/tasks/${id}/progress`, { percent: 100, note: `${note}（进展）` });
  return (await stack.api.call<{ version: number }>(staff, 'POST', `/tasks/${id}/submit`, { version: await read(), note })).version;
}

/** The options of the Ant Design select list that is open (its role=option list is for screen readers only, not clickable). */
const openOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

/** Picks an option of an Ant Design select by clicking it open. */
export async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await openOptions(page).filter({ hasText: option }).first().click();
}

/**
 * Types into a searchable Ant Design select and picks the option by keyboard (Enter on the highlighted
 * match), as a keyboard user does. A mouse click on the freshly opened list was lost now and then under
 * load (CI: the option stayed unpicked with the list settled and nothing covering it); the keyboard path
 * has no such race. It waits until the list shows only matches, with the wanted one highlighted, and
 * then checks that the select shows the pick, so a lost pick fails here rather than at a later step.
 */
export async function pickBySearch(page: Page, combobox: Locator, text: string, option = text) {
  await combobox.fill(text);
  const options = openOptions(page);
  await expect(options.filter({ hasNotText: text })).toHaveCount(0);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toContainText(option);
  await combobox.press('Enter');
  const select = combobox.locator(`xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
  await expect(select).toContainText(option);
}
