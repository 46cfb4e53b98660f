import { StoredObjectReader } from './random-access';

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT = 109;
/** A bound on sectors followed, so a corrupt or hostile chain cannot loop. */
const MAX_SECTORS = 4096;

/**
 * The stream names of an OLE compound file ([MS-CFB]): .doc, .xls, .wps, .et, but also .msi and
 * .msg share this container, and only the names inside (WordDocument, Workbook, …) tell them apart.
 * Reads the header, the FAT sectors on the directory's chain and the directory itself; null when
 * the structure is not readable.
 */
export async function oleStreamNames(object: StoredObjectReader): Promise<string[] | null> {
  const header = await object.read(0, 512);
  if (header.length < 512 || !header.subarray(0, 8).equals(SIGNATURE)) return null;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;

  const difat: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) difat.push(header.readUInt32LE(0x4c + i * 4));
  let nextDifat = header.readUInt32LE(0x44);
  const fatSectorLocation = async (index: number): Promise<number | null> => {
    for (let hops = 0; index >= difat.length && nextDifat !== END_OF_CHAIN && nextDifat !== FREE && hops < MAX_SECTORS; hops++) {
      const s = await object.read(offsetOf(nextDifat), sectorSize);
      if (s.length < sectorSize) return null;
      for (let i = 0; i < perSector - 1; i++) difat.push(s.readUInt32LE(i * 4));
      nextDifat = s.readUInt32LE((perSector - 1) * 4);
    }
    return index < difat.length ? difat[index] : null;
  };
  const nextSector = async (sector: number): Promise<number | null> => {
    const fat = await fatSectorLocation(Math.floor(sector / perSector));
    if (fat === null || fat >= END_OF_CHAIN) return null;
    const b = await object.read(offsetOf(fat) + (sector % perSector) * 4, 4);
    return b.length === 4 ? b.readUInt32LE(0) : null;
  };

  const names: string[] = [];
  let sector: number | null = header.readUInt32LE(0x30);
  for (let n = 0; sector !== null && sector < END_OF_CHAIN && n < MAX_SECTORS; n++) {
    const dir = await object.read(offsetOf(sector), sectorSize);
    if (dir.length < sectorSize) return null;
    for (let off = 0; off < sectorSize; off += 128) {
      const nameBytes = Math.min(dir.readUInt16LE(off + 0x40), 64);
      const type = dir[off + 0x42];
      if (type === 2 && nameBytes >= 2) names.push(dir.toString('utf16le', off, off + nameBytes - 2));
    }
    sector = await nextSector(sector);
  }
  return names;
}
