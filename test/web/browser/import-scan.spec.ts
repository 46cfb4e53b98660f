import { buildPdf } from '../../../libs/importer/test/build-pdf';
import { scanPdf } from '../../../libs/importer/test/build-scan';
import { layoutPages } from '../../../libs/importer/test/page-layout';
import { expectAccessible, expect, test } from '../support/fixtures';
import { signInAs } from '../support/roles';

// A PDF as offices publish it, and the same kind of plan printed and scanned (a PNG the worker OCRs).
// One scanned page only: tesseract takes about 8 s of CPU a page, far more on a loaded machine.
const TEXT_PLAN = [
  '2032年区大数据中心重点工作任务分工',
  '一、重点任务',
  '1.建设全区政务云灾备中心。(牵头单位:区数据局)6月底前完成。',
  '2.完成电子证照归集和共享应用。(牵头单位:区数据局)9月底前完成。',
  '3.开展数据安全专项检查。(牵头单位:区数据局)11月底前完成。',
];
const SCAN_PLAN = [
  '2031年区数据局重点工作任务分工',
  '一、重点任务',
  '1.建成全区公共数据共享交换平台。(牵头单位:区数据局)6月底前完成。',
  '2.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
];

async function toImportPage(page: import('@playwright/test').Page) {
  await signInAs(page, 'supervisor', '督办工作台');
  await page.getByRole('link', { name: '导入方案' }).click();
  await expect(page.getByRole('heading', { name: '导入方案', level: 1, exact: true })).toBeVisible();
}

test('the supervisor uploads a PDF with a text layer and sees its items in the preview', async ({ page }) => {
  await toImportPage(page);
  await expect(page.getByText(/\.pdf、\.ofd/)).toBeVisible();
  await page.getByLabel('方案文件', { exact: true }).setInputFiles({ name: '大数据中心工作要点.pdf', mimeType: 'application/pdf', buffer: await buildPdf(layoutPages(TEXT_PLAN)) });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入方案：预览与修正', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '方案信息' })).toContainText('2032年区大数据中心重点工作任务分工');
  const items = page.getByRole('region', { name: '责任事项（3）' });
  for (const title of ['建设全区政务云灾备中心', '完成电子证照归集和共享应用', '开展数据安全专项检查']) await expect(items.getByText(title)).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入 3 项' })).toBeEnabled();
});

test('a scanned plan shows the recognition progress, then the preview, and is committed', async ({ page, stack }) => {
  test.setTimeout(600_000);
  const [png] = await scanPdf(await buildPdf(layoutPages(SCAN_PLAN)));
  await toImportPage(page);
  await page.getByLabel('方案文件', { exact: true }).setInputFiles({ name: '数据局工作要点扫描件.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: '上传并预览' }).click();

  // The worker has the page: words, a bar, the file, and the address to come back to.
  await expect(page.getByRole('heading', { name: '导入方案：文字识别', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /正在识别文字：已识别 0 \/ 1 页|正在排队等待文字识别/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '文字识别进度' })).toBeVisible();
  await expect(page.getByText('数据局工作要点扫描件.png')).toBeVisible();
  await expect(page.getByLabel('本次导入的地址')).toHaveValue(page.url());
  const importId = /\/imports\/([0-9a-f-]{36})/.exec(page.url())![1];
  await expectAccessible(page, 'the OCR progress');

  // The supervisor may leave: the address brings the import back, and the page asks again by itself until the preview is there.
  const address = page.url();
  await page.getByRole('link', { name: '督办工作台' }).click();
  await expect(page.getByRole('heading', { name: '督办工作台', level: 1 })).toBeVisible();
  await page.goto(address);
  await expect(page.getByRole('heading', { name: '导入方案：预览与修正', level: 1 })).toBeVisible({ timeout: 540_000 });
  const read = await stack.api.call<{ status: string; draft: { tasks: { code: string; title: string }[]; warnings: { message: string }[] } }>('supervisor', 'GET', `/imports/${importId}`);
  expect(read.status).toBe('previewed');
  const { tasks, warnings } = read.draft;
  expect(tasks.length).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: '方案信息' })).toContainText('扫描件，已识别 1 页');
  const items = page.getByRole('region', { name: `责任事项（${tasks.length}）` });
  await expect(items.locator('tbody tr')).toHaveCount(tasks.length);
  // Whatever OCR doubted is said above the items, each warning naming its item.
  if (warnings.length) {
    const hints = page.getByRole('region', { name: `解析提示（${warnings.length}）` });
    await expect(hints).toContainText('此文件是扫描件');
    for (const w of warnings) await expect(hints.getByText(w.message, { exact: false }).first()).toBeVisible();
  }

  await page.getByRole('button', { name: `确认导入 ${tasks.length} 项` }).click();
  await expect(page.getByText('已导入')).toBeVisible();
  await expect(page.getByText(`新建 ${tasks.length} 项`)).toBeVisible();
  await page.getByRole('link', { name: '在总台账中查看' }).click();
  await expect(page.getByRole('heading', { name: '总台账', level: 1 })).toBeVisible();
  await expect(page.getByText(`共 ${tasks.length} 项`)).toBeVisible();
  for (const t of tasks) await expect(page.getByText(t.title).first()).toBeVisible();
});

test('a scan OCR cannot read says why, with the way back to upload another file', async ({ page }) => {
  test.setTimeout(300_000);
  // A blank sheet through the scanner: tesseract finds no text, so there is no plan to preview.
  const [blank] = await scanPdf(await buildPdf([{ texts: [], rules: [] }]), { dpi: 100, noise: 0, angleDeg: 0 });
  await toImportPage(page);
  await page.getByLabel('方案文件', { exact: true }).setInputFiles({ name: '空白页.png', mimeType: 'image/png', buffer: blank });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入方案：文字识别失败', level: 1 })).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('alert')).toContainText('空白页.png：');
  await expect(page.getByRole('alert')).toContainText(/文档为空|没有可识别/);
  await expectAccessible(page, 'the OCR failure');
  await page.getByRole('link', { name: '重新上传其他文件' }).click();
  await expect(page.getByRole('heading', { name: '导入方案', level: 1, exact: true })).toBeVisible();
  await expect(page.getByLabel('方案文件', { exact: true })).toBeVisible();
});
