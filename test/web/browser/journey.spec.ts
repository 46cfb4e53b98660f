import { readFile } from 'node:fs/promises';
import { expect, row, signIn, test } from '../support/fixtures';

// A real 1×1 PNG: the API checks uploaded bytes against the declared type.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// The 承办人's day, end to end: runs on a desktop screen and again at 375 px (project "phone").
test('staff acknowledges from the list, reports progress with evidence, asks for an extension; the lead unit submits', async ({ page, desk, stack }) => {
  const mine = `建设科技创新平台${desk.tag}`;
  const theirs = `培育高新技术企业${desk.tag}`;
  const { tasks } = await desk.plan([
    { title: mine, lead: desk.unitName, responsible: ['市发改委'], assisting: ['市财政局'], deadline: '2030年12月底前' },
    { title: theirs, lead: '市发改委', responsible: [desk.unitName], deadline: '2030年6月底前' },
  ]);
  await signIn(page, desk.staff);

  // 待签收: both items, each with its role and the light in words
  await expect(page.getByRole('tab', { name: '待签收（2）' })).toBeVisible();
  await expect(row(page, mine)).toContainText('牵头');
  await expect(row(page, theirs)).toContainText('责任');
  await expect(row(page, mine)).toContainText(/剩 \d+ 个工作日/);

  // one-click 签收 from the list
  await row(page, mine).getByRole('button', { name: `签收：${mine}` }).click();
  await expect(page.getByText(`已签收：${mine}`)).toBeVisible();
  await expect(row(page, mine)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '待签收（1）' })).toBeVisible();
  await page.getByRole('tab', { name: /办理中/ }).click();
  await row(page, mine).getByRole('link', { name: `1 ${mine}` }).click();

  // 报送进展 with a link as evidence; the camera input is there for phones
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(mine) })).toBeVisible();
  await page.getByRole('button', { name: '报送进展' }).click();
  const progress = page.getByRole('dialog', { name: '报送进展' });
  await progress.getByLabel('完成进度（%）').fill('60');
  await progress.getByLabel('进展情况').fill('已完成选址和方案设计，正在组织专家论证');
  await progress.getByLabel('佐证材料链接').fill('https://example.gov.cn/evidence/site-plan.pdf');
  await progress.getByRole('button', { name: '添加链接' }).click();
  // a photo from the phone's camera (the capture input), and a file that is not what its name says
  const camera = progress.locator('input[type=file][capture=environment]');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await camera.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(progress.getByRole('list', { name: '已上传的佐证文件' })).toContainText('现场照片.png');
  await progress.locator('input[type=file]:not([capture])').setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
  await expect(progress.getByRole('alert').filter({ hasText: '不支持的文件类型' })).toBeVisible();
  await expect(progress.getByRole('list', { name: '已上传的佐证文件' }).getByRole('listitem')).toHaveCount(1);
  await progress.getByRole('button', { name: '报送', exact: true }).click();
  await expect(page.getByText('进展已报送')).toBeVisible();
  const reports = page.getByRole('region', { name: '进展报送' });
  await expect(reports).toContainText('60%');
  await expect(reports.getByRole('link', { name: 'https://example.gov.cn/evidence/site-plan.pdf' })).toBeVisible();
  const detail = await stack.api.call<{ progress: number; latestProgress: { evidence: string[] } }>(desk.staff, 'GET', `/tasks/${tasks['1'].id}`);
  expect(detail.progress).toBe(60);
  expect(detail.latestProgress.evidence).toEqual(['https://example.gov.cn/evidence/site-plan.pdf']);
  // the photo is kept with the report and downloads byte-identical
  const download = page.waitForEvent('download');
  await reports.getByRole('button', { name: '现场照片.png' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('现场照片.png');
  expect(Buffer.compare(await readFile((await saved.path())!), PHOTO)).toBe(0);

  // 申请延期: shows as pending
  await page.getByRole('button', { name: '申请延期' }).click();
  const ext = page.getByRole('dialog', { name: '申请延期' });
  await ext.getByRole('textbox', { name: '申请延至' }).fill('2031年3月31日');
  await ext.getByRole('textbox', { name: '申请延至' }).press('Enter');
  await ext.getByLabel('延期理由').fill('需等待省级配套政策出台');
  await ext.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('延期申请已提交，等待审批')).toBeVisible();
  await expect(page.getByRole('region', { name: '延期申请' })).toContainText('待审批');
  await expect(page.getByRole('button', { name: '申请延期' })).toHaveCount(0);

  // the lead unit submits (申请办结)
  await page.getByRole('button', { name: '申请办结' }).click();
  const submit = page.getByRole('dialog', { name: '申请办结' });
  await submit.getByLabel('办结说明').fill('平台已建成并投入运行');
  await submit.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('已提交，等待督办员审核')).toBeVisible();
  await expect(page.locator('.task-header')).toContainText('已报送待审核');
  expect((await stack.api.call<{ status: string }>(desk.staff, 'GET', `/tasks/${tasks['1'].id}`)).status).toBe('submitted');

  // back on the 工作台 the pending extension shows on the item
  await page.getByRole('link', { name: '工作台' }).first().click();
  await page.getByRole('tab', { name: /全部/ }).click();
  await expect(row(page, mine)).toContainText('延期申请待审批');
});
