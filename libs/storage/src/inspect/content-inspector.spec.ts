import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { docx, exe, heic, jpg, ofd, ole, pdf, png, xlsx, zip } from '../../../../test/support/evidence-files';
import { LocalFileStore } from '../local-file-store';
import { HEAD_BYTES, inspectContainer, sniffHead } from './content-inspector';
import { StoredObjectReader } from './random-access';

describe('content inspection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-inspect-'));
  const store = new LocalFileStore(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const stored = async (key: string, bytes: Buffer) => {
    await store.put(key, Readable.from([bytes]));
    return new StoredObjectReader(store, key, bytes.length);
  };

  it.each([
    ['pdf', pdf(), { kind: 'pdf' }],
    ['png', png(), { kind: 'png' }],
    ['jpg', jpg(), { kind: 'jpg' }],
    ['heic', heic(), { kind: 'heic' }],
    ['exe', exe(), { kind: 'other', ext: 'exe', mime: 'application/x-msdownload' }],
    ['text', Buffer.from('只是一段文字'), { kind: 'unknown' }],
  ])('reads a %s from its first bytes (file-type)', async (_, bytes, content) => {
    expect(await sniffHead(bytes.subarray(0, HEAD_BYTES))).toEqual({ content, container: null });
  });

  it('sends zips and OLE files on to be opened', async () => {
    expect((await sniffHead((await docx()).subarray(0, HEAD_BYTES))).container).toBe('zip');
    expect((await sniffHead(ole(['WordDocument']).subarray(0, HEAD_BYTES))).container).toBe('ole');
  });

  it('opens stored zips by their central directory', async () => {
    expect(await inspectContainer(await stored('z/docx', await docx()), 'zip')).toEqual({ kind: 'docx' });
    expect(await inspectContainer(await stored('z/xlsx', await xlsx()), 'zip')).toEqual({ kind: 'xlsx' });
    expect(await inspectContainer(await stored('z/ofd', await ofd()), 'zip')).toEqual({ kind: 'ofd' });
    expect(await inspectContainer(await stored('z/zip', await zip()), 'zip')).toEqual({ kind: 'zip' });
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500)]);
    expect(await inspectContainer(await stored('z/broken', broken), 'zip')).toEqual({ kind: 'unknown' });
  });

  it('reads the stream names of stored OLE files, also past the first 109 FAT sectors', async () => {
    expect(await inspectContainer(await stored('o/doc', ole(['WordDocument', '1Table'])), 'ole')).toEqual({ kind: 'ole-word' });
    expect(await inspectContainer(await stored('o/xls', ole(['Workbook'])), 'ole')).toEqual({ kind: 'ole-excel' });
    expect(await inspectContainer(await stored('o/msi', ole(['\u0005SummaryInformation'])), 'ole')).toEqual({ kind: 'ole-other' });
    const far = ole(['Workbook'], { directoryAt: 14_000 });
    // Its directory's FAT entry is in FAT sector 109, which only a DIFAT sector names.
    expect(far.readUInt32LE(0x48)).toBe(1);
    expect(await inspectContainer(await stored('o/far', far), 'ole')).toEqual({ kind: 'ole-excel' });
    const truncated = ole(['WordDocument']).subarray(0, 700);
    expect(await inspectContainer(await stored('o/cut', truncated), 'ole')).toEqual({ kind: 'unknown' });
  });
});
