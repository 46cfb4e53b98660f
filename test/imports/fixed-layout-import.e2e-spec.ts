import { hashPassword, UserRepository } from '@app/persistence';
import { lockedPdf } from '../../libs/importer/test/build-pdf';
import { seedOfd, seedPdf } from '../../libs/importer/test/seed-documents';
import { startTestApi, TestApi } from '../support/api-app';

// Fixtures are laid out with a real CJK font and read back through pdf.js: seconds each.
jest.setTimeout(300_000);

describe('POST /imports with a PDF or OFD: read in the request, refused with 422 when it cannot be', () => {
  let api: TestApi;
  let sup: string;
  const count = async () => Number((await api.ds.query(`SELECT count(*)::int AS n FROM imports`))[0].n);
  const upload = (name: string, content: Buffer) => api.http.post('/imports').set('authorization', `Bearer ${sup}`).attach('file', content, name);

  beforeAll(async () => {
    // Seed 003 prints on 6 pages and seed 002 on 8: the page limit set here lets one through and not the other.
    api = await startTestApi({ IMPORT_MAX_PAGES: '6' });
    const passwordHash = await hashPassword('fixed-layout-1');
    await api.app.get(UserRepository).createIfMissing({ username: 'sup', displayName: 'sup', email: null, passwordHash, unitId: null, roles: ['supervisor'] });
    sup = await api.login('sup', 'fixed-layout-1');
  });
  afterAll(() => api?.close());

  it('previews a PDF with a text layer, the same PDF named .docx, and an OFD', async () => {
    const pdf = await seedPdf('003');
    expect((await upload('plan.pdf', pdf).expect(201)).body).toMatchObject({ counts: { tasks: 22 } });
    expect((await upload('plan.docx', pdf).expect(201)).body).toMatchObject({ counts: { tasks: 22 } });
    expect((await upload('plan.ofd', await seedOfd('003')).expect(201)).body).toMatchObject({ counts: { tasks: 22 } });
  });

  it.each([
    ['a broken PDF', 'cut.pdf', async () => (await seedPdf('003')).subarray(0, 300), 'unreadable', /PDF 文件已损坏/],
    ['an encrypted PDF', 'locked.pdf', lockedPdf, 'encrypted', /PDF 已加密/],
    ['a PDF longer than IMPORT_MAX_PAGES', 'long.pdf', () => seedPdf('002'), 'too_many_pages', /超过上限 6 页/],
  ])('answers 422 with a clear message for %s and saves nothing', async (_, name, content, code, message) => {
    const before = await count();
    const res = await upload(name, await content()).expect(422);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect(await count()).toBe(before);
  });
});
