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

/** Picks an option of an Ant Design select (its role=option list is for screen readers only, not clickable). */
export async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}
