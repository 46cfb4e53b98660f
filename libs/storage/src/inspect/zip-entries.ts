import { PassThrough, Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { StoredObjectReader } from './random-access';

/** Enough entries to tell an OOXML or OFD file from a plain zip; a zip bomb's millions are not listed. */
const MAX_ENTRIES = 5000;

/** yauzl's random access over a stored object (only the central directory is read, not the contents). */
class StoreReader extends yauzl.RandomAccessReader {
  constructor(private readonly object: StoredObjectReader) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const out = new PassThrough();
    this.object.stream(start, end).then(
      (s) => s.on('error', (e) => out.destroy(e)).pipe(out),
      (e) => out.destroy(e),
    );
    return out;
  }
}

export interface ZipListing {
  names: string[];
  /** The uncompressed sizes the central directory declares, summed (nothing is inflated to learn it). */
  declaredBytes: number;
}

/** The entry names of a stored zip, from its central directory; null when it is not a readable zip. */
export function zipEntryNames(object: StoredObjectReader): Promise<ZipListing | null> {
  return new Promise((resolve) => {
    yauzl.fromRandomAccessReader(new StoreReader(object), object.size, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err) return resolve(null);
      const names: string[] = [];
      let declaredBytes = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        declaredBytes += e.uncompressedSize;
        if (names.length >= MAX_ENTRIES) {
          zip.close();
          resolve({ names, declaredBytes });
        } else zip.readEntry();
      });
      zip.on('end', () => resolve({ names, declaredBytes }));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}
