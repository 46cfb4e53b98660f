import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page, test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, Stack, startStack } from './stack';

export { expect };

/** One stack per worker process (the config runs one worker): started once, stopped at the end. */
export const test = base.extend<{ desk: Desk }, { stack: Stack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startStack();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.url),
  desk: async ({ stack }, use) => use(await newDesk(stack)),
});

export interface Item {
  title: string;
  lead: string;
  responsible?: string[];
  assisting?: string[];
  /** As a plan document words it, e.g. 2030年12月底前. */
  deadline: string;
  content?: string;
}

/**
 * A unit of the test's own (市试验局<tag>) with a staff member and a head, so what a test sees on
 * its 工作台 is exactly what it set up, whatever other tests did before.
 */
export interface Desk {
  tag: string;
  unitId: string;
  unitName: string;
  staff: string;
  head: string;
  /** Imports a plan (as the supervisor, who then supervises it); items by code ('1', '2', …). */
  plan(items: Item[]): Promise<{ planId: string; tasks: Record<string, { id: string; version: number }> }>;
}

async function newDesk(stack: Stack): Promise<Desk> {
  const tag = randomBytes(3).toString('hex');
  const unitName = `市试验局${tag}`;
  const unit = await stack.api.call<{ id: string }>('admin', 'POST', '/units', { code: `sy-${tag}`, name: unitName, kind: 'department' });
  const user = (username: string, displayName: string, roles: string[]) =>
    stack.api.call('admin', 'POST', '/users', {
      username,
      displayName,
      email: `${username}@duban.example.cn`,
      password: DEMO_PASSWORD,
      unitId: unit.id,
      roles,
    });
  const staff = `sy${tag}.staff`;
  const head = `sy${tag}.head`;
  await user(staff, `试验局承办人${tag}`, ['staff']);
  await user(head, `试验局负责人${tag}`, ['unit_head']);
  return {
    tag,
    unitId: unit.id,
    unitName,
    staff,
    head,
    plan: (items) => stack.api.importPlan(planDocument(`2030年试验工作要点（${tag}）`, items), `plan-${tag}.txt`),
  };
}

/** A plan document in the shape Chinese offices publish (what the importer reads). */
export function planDocument(title: string, items: Item[]): string {
  const lines = [title, '', '发布时间:2026-11-20 发布单位:武汉市科学技术局', '', '一、重点任务', ''];
  items.forEach((it, i) => {
    lines.push(`${i + 1}.${it.title}。${it.content ?? '按计划推进各项工作，按期报送进展。'}`);
    lines.push(`牵头单位:${it.lead}`);
    if (it.responsible?.length) lines.push(`责任单位:${it.responsible.join('、')}`);
    if (it.assisting?.length) lines.push(`配合单位:${it.assisting.join('、')}`);
    lines.push(`完成时限:${it.deadline}`, '');
  });
  return lines.join('\n');
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs in from the login page and waits for the 工作台. */
export async function signIn(page: Page, username: string) {
  await page.goto('/app/login');
  await login(page, username);
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('')}`).join('\n  ')}`);
  expect(report, `axe on ${name}`).toEqual([]);
}

/** The workbench row of an item (table row on wide screens, a card on phones). */
export const row = (scope: Page | Locator, title: string) => scope.locator('table.task-table tbody tr').filter({ hasText: title });

/** Picks an option of a segmented control (its radio inputs are visually hidden). */
export const segment = (page: Page, name: string) => page.locator('.ant-segmented').getByText(name, { exact: true }).click();
