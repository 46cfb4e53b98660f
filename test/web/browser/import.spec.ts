import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { signInAs } from '../support/roles';

const SEED = join(__dirname, '..', '..', '..', 'seeds', '001_f98178efb81249c0.txt');

interface Draft {
  plan: { title: string; year: number };
  tasks: { code: string; title: string; deadline: string }[];
}

test('the supervisor imports a seed document through the page, corrects a deadline and commits it', async ({ page, stack }) => {
  await signInAs(page, 'supervisor', '督办工作台');
  await page.getByRole('link', { name: '导入方案' }).click();
  await page.getByLabel('方案文件', { exact: true }).setInputFiles(SEED);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入方案：预览与修正', level: 1 })).toBeVisible();
  const importId = /\/imports\/([0-9a-f-]{36})/.exec(page.url())![1];
  const read = await stack.api.call<{ draft: Draft; unknownUnits: string[] }>('supervisor', 'GET', `/imports/${importId}`);
  const { draft } = read;
  expect(draft.tasks.length).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: '方案信息' })).toContainText(draft.plan.title);
  const items = page.getByRole('region', { name: `责任事项（${draft.tasks.length}）` });
  await expect(items.locator('tbody tr')).toHaveCount(draft.tasks.length);
  for (const name of read.unknownUnits.slice(0, 3)) await expect(items.getByText(`${name}（未识别）`).first()).toBeVisible();

  // correct the first item's deadline through the dialog (PATCH /imports/:id)
  const first = draft.tasks[0];
  await items.getByRole('button', { name: `修正事项 ${first.code}` }).click();
  const dialog = page.getByRole('dialog', { name: `修正事项 ${first.code}` });
  await dialog.getByLabel('完成时限').fill('9月底前');
  await dialog.getByRole('button', { name: '保存修正' }).click();
  await expect(dialog).toBeHidden();
  await expect(items.locator('tbody tr').first()).toContainText('已修正：时限');
  await expect(items.locator('tbody tr').first()).toContainText(`${draft.plan.year}年9月30日`);

  await page.getByRole('button', { name: `确认导入 ${draft.tasks.length} 项` }).click();
  await expect(page.getByText('已导入')).toBeVisible();
  await expect(page.getByText(`新建 ${draft.tasks.length} 项`)).toBeVisible();
  const committed = await stack.api.call<{ planId: string; status: string }>('supervisor', 'GET', `/imports/${importId}`);
  expect(committed.status).toBe('committed');
  const saved = await stack.api.call<{ total: number; items: { code: string; dueAt: string }[] }>('supervisor', 'GET', `/tasks?planId=${committed.planId}&limit=200&sort=code:asc`);
  expect(saved.total).toBe(draft.tasks.length);
  const corrected = saved.items.find((t) => t.code === first.code)!;
  expect(new Date(new Date(corrected.dueAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10)).toBe(`${draft.plan.year}-09-30`);

  // the result leads to the plan's items in the 总台账
  await page.getByRole('link', { name: '在总台账中查看' }).click();
  await expect(page.getByRole('heading', { name: '总台账', level: 1 })).toBeVisible();
  await expect(page.getByText(`共 ${draft.tasks.length} 项`)).toBeVisible();
});

test('a document the importer cannot read is refused in words, and nothing is saved', async ({ page, stack }) => {
  await signInAs(page, 'supervisor', '督办工作台');
  const before = await stack.api.call<{ total: number }>('supervisor', 'GET', '/plans?limit=1');
  await page.goto('/app/imports/new');
  await page.getByLabel('方案文件', { exact: true }).setInputFiles({ name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('这只是一段说明文字，没有任何事项。\n') });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('alert')).toContainText(/事项|无法|未/);
  await expect(page).toHaveURL(/\/app\/imports\/new$/);
  expect((await stack.api.call<{ total: number }>('supervisor', 'GET', '/plans?limit=1')).total).toBe(before.total);
});
