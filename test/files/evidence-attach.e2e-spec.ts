import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileJanitor } from '../../apps/api/src/files/file-janitor';
import { ofd, pdf, png, xlsx } from '../support/evidence-files';
import { dispositionName, FilesRig, startFilesRig } from './files-fixture';

const DAY = 24 * 60 * 60 * 1000;

describe('evidence files on submissions, comments, plans and imports (local store)', () => {
  let r: FilesRig;
  const post = (user: string, path: string, body: object) => r.w.http.post(path).set(r.auth(user)).send(body);
  const get = (user: string, path: string) => r.w.http.get(path).set(r.auth(user));
  const count = async (table: string) => Number((await r.w.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    r = await startFilesRig('local');
    await r.w.http.put(`/plans/${r.w.planId}/supervisors`).set(r.auth('admin')).send({ userIds: [r.w.userIds.sup], version: 1 }).expect(200);
  });
  afterAll(async () => {
    await r?.close();
  });

  it('attaches files to a submission (申请办结) and records them in the audit trail', async () => {
    const id = r.w.taskIds['3']; // 市教育局 leads item 3 alone
    const read = (await get('other_staff', `/tasks/${id}`).expect(200)).body.version;
    await post('other_staff', `/tasks/${id}/transitions`, { to: 'acknowledged', version: read }).expect(200);
    const version = (await post('other_staff', `/tasks/${id}/progress`, { percent: 100, note: '全部完成' }).expect(201)).body.task.version;
    const report = await r.upload('other_staff', '产学研合作总结.ofd', await ofd()).expect(201);
    const sheet = await r.upload('other_staff', '合作项目台账.xlsx', await xlsx()).expect(201);
    const submit = await post('other_staff', `/tasks/${id}/submit`, { version, note: '申请办结', fileIds: [report.body.id, sheet.body.id] }).expect(200);
    expect(submit.body.files.map((f: { name: string; type: string; attachedTo: { kind: string } }) => [f.name, f.type, f.attachedTo.kind])).toEqual([
      ['产学研合作总结.ofd', 'ofd', 'submission'],
      ['合作项目台账.xlsx', 'xlsx', 'submission'],
    ]);
    const history = await get('sup', `/tasks/${id}/history?limit=100`).expect(200);
    const submitted = history.body.items.find((e: { action: string }) => e.action === 'task.submitted');
    expect(submitted.after.files).toEqual([
      { id: report.body.id, name: '产学研合作总结.ofd', sha256: report.body.sha256 },
      { id: sheet.body.id, name: '合作项目台账.xlsx', sha256: sheet.body.sha256 },
    ]);
    // The reviewing supervisor opens them.
    const got = await r.download('sup', sheet.body.id).expect(200);
    expect(dispositionName(got.headers['content-disposition'])).toBe('合作项目台账.xlsx');
  });

  it('lists a comment with its files; an assisting unit may comment with evidence', async () => {
    const id = r.w.taskIds['2'];
    const photo = await r.upload('assist_staff', '资金拨付现场.png', png()).expect(201);
    const c = await post('assist_staff', `/tasks/${id}/comments`, { body: '资金已拨付，见照片', fileIds: [photo.body.id] }).expect(201);
    expect(c.body.files).toEqual([expect.objectContaining({ id: photo.body.id, attachedTo: expect.objectContaining({ kind: 'comment', commentId: c.body.id }) })]);
    const list = await get('lead_staff', `/tasks/${id}/comments`).expect(200);
    expect(list.body.items.map((x: { files: { id: string }[] }) => x.files.map((f) => f.id))).toEqual([[photo.body.id]]);
    // Images are shown inline unless a download is asked for.
    const inline = await r.download('lead_staff', photo.body.id).expect(200);
    expect(inline.headers['content-type']).toBe('image/png');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename=file-[0-9a-f]{8}\.png; filename\*=UTF-8''/);
    const attachment = await r.download('lead_staff', photo.body.id, '?disposition=attachment').expect(200);
    expect(attachment.headers['content-disposition']).toMatch(/^attachment; /);
    await r.download('lead_staff', photo.body.id, '?disposition=download').expect(400);
    // The ETag is the SHA-256: an unchanged file is not sent again.
    await r.w.http.get(`/files/${photo.body.id}/content`).set(r.auth('lead_staff')).set('If-None-Match', `"${photo.body.sha256}"`).expect(304);
  });

  it("refuses another person's upload, or one already used, with 422 and keeps nothing of the request", async () => {
    const id = r.w.taskIds['4']; // 市经信局 leads, 市科技局 is responsible
    const { version } = (await get('resp_staff', `/tasks/${id}`).expect(200)).body;
    await post('resp_staff', `/tasks/${id}/transitions`, { to: 'acknowledged', version }).expect(200);
    const mine = await r.upload('resp_staff', '进展.pdf', pdf()).expect(201);
    const theirs = await r.upload('lead_staff', '别人的.pdf', pdf()).expect(201);
    const reports = await count('progress_reports');
    const refused = await post('resp_staff', `/tasks/${id}/progress`, { percent: 20, note: '进展', fileIds: [mine.body.id, theirs.body.id] }).expect(422);
    expect(refused.body.message).toEqual([`fileIds: 文件 ${theirs.body.id} 不存在、已被使用、已过期或不是您上传的，请重新上传`]);
    expect(await count('progress_reports')).toBe(reports);
    expect((await get('resp_staff', `/files/${mine.body.id}`).expect(200)).body.attachedTo).toBeNull();
    await post('resp_staff', `/tasks/${id}/progress`, { percent: 20, note: '进展', fileIds: [mine.body.id] }).expect(201);
    const again = await post('resp_staff', `/tasks/${id}/progress`, { percent: 30, note: '再用一次', fileIds: [mine.body.id] }).expect(422);
    expect(again.body.code).toBe('file_not_attachable');
  });

  it("lets the plan's supervisor attach files to the plan, which every signed-in user may read", async () => {
    const doc = await r.upload('sup', '领导批示.pdf', pdf()).expect(201);
    const other = await r.upload('sup_other', '另一计划.pdf', pdf()).expect(201);
    await post('sup_other', `/plans/${r.w.planId}/files`, { fileIds: [other.body.id] }).expect(403);
    const attached = await post('sup', `/plans/${r.w.planId}/files`, { fileIds: [doc.body.id] }).expect(200);
    expect(attached.body.files[0].attachedTo).toMatchObject({ kind: 'plan', planId: r.w.planId, taskId: null });
    const listed = await get('other_staff', `/plans/${r.w.planId}/files`).expect(200);
    expect(listed.body.map((f: { id: string }) => f.id)).toContain(doc.body.id);
    await r.download('other_staff', doc.body.id).expect(200);
  });

  it("keeps an imported plan document as the plan's source file, downloadable byte-identical", async () => {
    const seeds = join(__dirname, '..', '..', 'seeds');
    const name = readdirSync(seeds).find((f) => f.startsWith('002'))!;
    const content = readFileSync(join(seeds, name));
    const preview = await r.w.http.post('/imports').set(r.auth('sup')).attach('file', content, name).expect(201);
    const commit = await post('sup', `/imports/${preview.body.importId}/commit`, {}).expect(200);
    const files = await get('lead_staff', `/plans/${commit.body.planId}/files`).expect(200);
    expect(files.body).toEqual([expect.objectContaining({ name, type: 'txt', size: content.length, attachedTo: expect.objectContaining({ kind: 'plan_source', planId: commit.body.planId }) })]);
    const got = await r.download('lead_staff', files.body[0].id).expect(200);
    expect(got.body.equals(content)).toBe(true);
    expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });

  it('removes uploads nothing holds a day later, with their bytes, and keeps attached files', async () => {
    const loose = await r.upload('lead_staff', '没用上的.pdf', pdf()).expect(201);
    const kept = (await r.w.ds.query(`SELECT id FROM files WHERE attached_to IS NOT NULL`)).length;
    const key = `${loose.body.id.slice(0, 2)}/${loose.body.id}`;
    expect(await r.storedObjects()).toContain(key);
    const janitor = r.w.app.get(FileJanitor);
    expect((await janitor.sweep(new Date())).files).toBe(0);
    const swept = await janitor.sweep(new Date(Date.now() + DAY + 60_000));
    expect(swept.files).toBeGreaterThanOrEqual(1);
    await get('lead_staff', `/files/${loose.body.id}`).expect(404);
    expect(await r.storedObjects()).not.toContain(key);
    expect((await r.w.ds.query(`SELECT id FROM files WHERE attached_to IS NOT NULL`)).length).toBe(kept);
  });
});
