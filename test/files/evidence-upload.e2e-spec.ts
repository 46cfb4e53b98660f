import { createHash } from 'node:crypto';
import { docx, exe, ole, pdf, zip } from '../support/evidence-files';
import { dispositionName, FilesRig, MAX_MB, startFilesRig, StoreKind } from './files-fixture';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each<StoreKind>(['local', 's3'])('evidence files over HTTP (%s store)', (store) => {
  let r: FilesRig;
  const taskId = () => r.w.taskIds['1'];

  beforeAll(async () => {
    r = await startFilesRig(store);
    // The lead unit acknowledges item 1, so it may report progress on it.
    const id = taskId();
    const { version } = (await r.w.http.get(`/tasks/${id}`).set(r.auth('lead_staff')).expect(200)).body;
    await r.w.http.post(`/tasks/${id}/transitions`).set(r.auth('lead_staff')).send({ to: 'acknowledged', version }).expect(200);
  });
  afterAll(async () => {
    await r?.close();
  });

  it('streams an upload to the store and serves it back byte-identical, with the Chinese name in Content-Disposition', async () => {
    // Over 5 MiB, so the S3 store sends it as a multipart upload.
    const bytes = pdf(6 * 1024 * 1024 + 321);
    const name = '市科技局2027年一季度高新技术企业培育进展.pdf';
    // Other tests store files and attach them to item 1 too: this one looks at what it adds.
    const objectsBefore = await r.storedObjects();
    const filesOfItem = async () =>
      ((await r.w.http.get(`/tasks/${taskId()}/files`).set(r.auth('resp_staff')).expect(200)).body as { id: string }[]).map((f) => f.id).sort();
    const listedBefore = await filesOfItem();
    const up = await r.upload('lead_staff', name, bytes).expect(201);
    expect(up.body).toMatchObject({
      name,
      size: bytes.length,
      type: 'pdf',
      typeLabel: 'PDF 文档',
      mime: 'application/pdf',
      sha256: sha256(bytes),
      uploadedBy: { id: r.w.userIds.lead_staff, name: 'lead_staff' },
      attachedTo: null,
      downloadUrl: `/files/${up.body.id}/content`,
    });
    expect((await r.storedObjects()).filter((o) => !objectsBefore.includes(o))).toEqual([`${up.body.id.slice(0, 2)}/${up.body.id}`]);

    const report = await r.w.http
      .post(`/tasks/${taskId()}/progress`)
      .set(r.auth('lead_staff'))
      .send({ percent: 40, note: '已完成培育对象摸底', fileIds: [up.body.id] })
      .expect(201);
    expect(report.body.report.files).toEqual([
      expect.objectContaining({ id: up.body.id, attachedTo: expect.objectContaining({ kind: 'progress', taskId: taskId(), progressReportId: report.body.report.id }) }),
    ]);

    // Anyone who sees the item downloads it: the lead, an assisting unit, a supervisor.
    for (const user of ['lead_staff', 'assist_staff', 'sup']) {
      const got = await r.download(user, up.body.id).expect(200);
      expect(got.body.equals(bytes)).toBe(true);
      expect(sha256(got.body)).toBe(up.body.sha256);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename=2027\.pdf; filename\*=UTF-8''%E5%B8%82/);
      expect(dispositionName(got.headers['content-disposition'])).toBe(name);
    }
    expect(await filesOfItem()).toEqual([...listedBefore, up.body.id].sort());
  });

  it('opens containers in the store: a real .docx and .doc are taken, a zip or a Word file under the wrong name is not', async () => {
    const before = await r.storedObjects();
    const word = await r.upload('lead_staff', '整改报告.docx', await docx()).expect(201);
    expect(word.body.type).toBe('docx');
    const old = await r.upload('lead_staff', '整改报告.doc', ole(['WordDocument', '1Table'])).expect(201);
    expect(old.body.type).toBe('doc');
    const plainZip = await r.upload('lead_staff', '整改报告.docx', await zip()).expect(415);
    expect(plainZip.body.message).toMatch(/文件内容是ZIP 压缩包，与扩展名 \.docx（Word 文档）不符/);
    const wordAsXls = await r.upload('lead_staff', '台账.xls', ole(['WordDocument'])).expect(415);
    expect(wordAsXls.body.message).toMatch(/文件内容是Word 97-2003 文档（doc），与扩展名 \.xls/);
    expect((await r.storedObjects()).length).toBe(before.length + 2);
  });

  it('refuses a forbidden type with 415 naming it, and stores nothing', async () => {
    const rows = await r.fileRows();
    const objects = await r.storedObjects();
    const byName = await r.upload('lead_staff', '安装程序.exe', exe()).expect(415);
    expect(byName.body).toMatchObject({ statusCode: 415, message: expect.stringMatching(/^不支持的文件类型：\.exe。允许的类型：PDF/) });
    const disguised = await r.upload('lead_staff', '进展报告.pdf', Buffer.concat([exe(), Buffer.alloc(3 * 1024 * 1024)])).expect(415);
    expect(disguised.body.message).toMatch(/^不支持的文件类型：文件内容是Windows 可执行程序（exe）（扩展名 \.pdf）/);
    expect(await r.fileRows()).toBe(rows);
    expect(await r.storedObjects()).toEqual(objects);
  });

  it(`answers 413 for a file over UPLOAD_MAX_MB (${MAX_MB} MB), and stores nothing`, async () => {
    const rows = await r.fileRows();
    const objects = await r.storedObjects();
    const res = await r.upload('lead_staff', '全年台账扫描件.pdf', pdf(MAX_MB * 1024 * 1024 + 1)).expect(413);
    expect(res.body.message).toBe(`文件超过大小上限 ${MAX_MB} MB`);
    expect(await r.fileRows()).toBe(rows);
    expect(await r.storedObjects()).toEqual(objects);
  });

  it("answers 404 for a hidden item's file to another unit, and shows an unattached upload to its uploader only", async () => {
    const up = await r.upload('lead_staff', '佐证材料.pdf', pdf()).expect(201);
    await r.w.http.get(`/files/${up.body.id}`).set(r.auth('lead_head')).expect(404);
    await r.download('lead_staff', up.body.id).expect(200);
    await r.w.http
      .post(`/tasks/${taskId()}/progress`)
      .set(r.auth('lead_staff'))
      .send({ percent: 50, note: '补充佐证', fileIds: [up.body.id] })
      .expect(201);
    // 市教育局 has no part in item 1: the item, its files and their bytes do not exist for its staff.
    await r.w.http.get(`/tasks/${taskId()}`).set(r.auth('other_staff')).expect(404);
    const meta = await r.w.http.get(`/files/${up.body.id}`).set(r.auth('other_staff')).expect(404);
    expect(meta.body.message).toBe(`file ${up.body.id} not found`);
    const bytes = await r.download('other_staff', up.body.id).expect(404);
    expect(bytes.headers['content-disposition']).toBeUndefined();
    await r.w.http.get(`/tasks/${taskId()}/files`).set(r.auth('other_staff')).expect(404);
    await r.w.http.get(`/files/${up.body.id}`).set(r.auth('lead_head')).expect(200);
  });
});
