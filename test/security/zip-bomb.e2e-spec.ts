import JSZip from 'jszip';
import { hashPassword, UserRepository } from '@app/persistence';
import { startTestApi, TestApi } from '../support/api-app';

const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

/** A .docx whose word/document.xml inflates to `realBytes`, with `declaredBytes` written in its central directory. */
async function docx(realBytes: number, declaredBytes: number): Promise<Buffer> {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  z.file('word/document.xml', Buffer.alloc(realBytes, 0x20));
  const buf = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(buf.readUInt32LE(eocd)).toBe(EOCD);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    expect(buf.readUInt32LE(p)).toBe(CENTRAL);
    const nameLen = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === 'word/document.xml') buf.writeUInt32LE(declaredBytes, p + 24);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

describe('plan documents and evidence: a zip bomb is refused on its declared sizes, before inflating', () => {
  let api: TestApi;
  let sup: string;
  const upload = (content: Buffer) => api.http.post('/imports').set('authorization', `Bearer ${sup}`).attach('file', content, '炸弹.docx');

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.get(UserRepository).createIfMissing({ username: 'zsup', displayName: 'zsup', email: null, passwordHash: await hashPassword('zip-pass-1'), unitId: null, roles: ['supervisor'] });
    sup = await api.login('zsup', 'zip-pass-1');
  });
  afterAll(() => api.close());

  it('refuses a document that declares more than 200 MB uncompressed, naming the declared size', async () => {
    const res = await upload(await docx(1024 * 1024, 3_000_000_000)).expect(422);
    expect(res.body).toMatchObject({ code: 'too_large' });
    expect(res.body.message).toMatch(/声明解压后共 2862 MB/);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM imports`)).toEqual([{ n: 0 }]);
  });

  it('refuses an entry that inflates past the size it declares, at that size', async () => {
    const res = await upload(await docx(1024 * 1024, 4096)).expect(422);
    expect(res.body).toMatchObject({ code: 'too_large' });
    expect(res.body.message).toMatch(/word\/document\.xml 解压后大于其声明的 4096 字节/);
  });

  it('refuses evidence (POST /files) whose zip declares more than 2 GB uncompressed, and keeps nothing of it', async () => {
    const bomb = await docx(1024 * 1024, 3_000_000_000);
    for (const name of ['材料.zip', '材料.docx']) {
      const res = await api.http.post('/files').set('authorization', `Bearer ${sup}`).attach('file', bomb, name).expect(415);
      expect(res.body.message).toMatch(/疑似压缩炸弹/);
    }
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM files`)).toEqual([{ n: 0 }]);
    // an honest archive of the same bytes is evidence like any other
    await api.http.post('/files').set('authorization', `Bearer ${sup}`).attach('file', await docx(1024 * 1024, 1024 * 1024), '材料.docx').expect(201);
  });
});
