import { buildPdf } from '../../libs/importer/test/build-pdf';
import { scanPdf } from '../../libs/importer/test/build-scan';
import { layoutPages } from '../../libs/importer/test/page-layout';
import { ReminderRig, waitUntil } from '../reminders/reminder-rig';

// OCR runs in a real worker process with tesseract: tens of seconds for the one page here.
jest.setTimeout(600_000);

const PLAN = [
  '2031年区数据局重点工作任务分工',
  '一、重点任务',
  '1.建成全区公共数据共享交换平台。(牵头单位:区数据局)6月底前完成。',
  '2.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
];

describe('a scanned plan: OCR in the worker, never in the request', () => {
  let rig: ReminderRig;
  beforeAll(async () => {
    rig = await ReminderRig.start({ OCR_MAX_PAGES: '2' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('answers 202 ocr_pending, survives a Redis wipe before any worker runs, then shows progress and the preview', async () => {
    const [png] = await scanPdf(await buildPdf(layoutPages(PLAN)));
    const up = await rig.w.http.post('/imports').set(rig.auth('sup')).attach('file', png, 'scan.png').expect(202);
    expect(up.body).toMatchObject({ status: 'ocr_pending', ocr: { pagesDone: 0, pagesTotal: 1, error: null } });
    const id: string = up.body.importId;
    const waiting = await rig.w.http.get(`/imports/${id}`).set(rig.auth('sup')).expect(200);
    expect(waiting.body).toMatchObject({ status: 'ocr_pending', parsed: null });
    // Redis loses the job: the import row is the source of truth and the worker re-enqueues it at start.
    await rig.wipeRedis();
    await rig.startWorker({ DATA_DIR: process.env.DATA_DIR! });
    let detail: { status: string; ocr: { pagesDone: number; pagesTotal: number }; parsed: { tasks: { code: string }[]; warnings: { message: string }[] } } | null = null;
    await waitUntil(async () => {
      detail = (await rig.w.http.get(`/imports/${id}`).set(rig.auth('sup')).expect(200)).body;
      return detail!.status !== 'ocr_pending';
    }, 540_000, 'the OCR preview');
    expect(detail!.status).toBe('previewed');
    expect(detail!.ocr).toMatchObject({ pagesDone: 1, pagesTotal: 1 });
    const flagged = detail!.parsed.warnings.some((w) => /文字识别置信度低/.test(w.message));
    const codes = detail!.parsed.tasks.map((t) => t.code);
    // Both items, or the preview says which line it doubts.
    if (codes.join() !== '1,2') expect(flagged).toBe(true);
    await rig.w.http.post(`/imports/${id}/commit`).set(rig.auth('sup')).expect(200);
  });

  it('refuses a scan with more pages than OCR_MAX_PAGES at upload with 422, saving nothing', async () => {
    const [png] = await scanPdf(await buildPdf(layoutPages(PLAN)), { dpi: 50 });
    const pdf = await buildPdf([], { images: [png, png, png] });
    const count = async () => (await rig.w.ds.query(`SELECT count(*)::int AS n FROM imports`))[0].n as number;
    const before = await count();
    const res = await rig.w.http.post('/imports').set(rig.auth('sup')).attach('file', pdf, 'long-scan.pdf').expect(422);
    expect(res.body).toMatchObject({ code: 'too_many_pages' });
    expect(res.body.message).toMatch(/扫描件共 3 页需要文字识别，超过上限 2 页/);
    expect(await count()).toBe(before);
  });
});
