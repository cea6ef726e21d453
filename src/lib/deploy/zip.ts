/**
 * A zip archive of a few small files, stored without compression: enough to hand over a
 * generated library as one download, with no library and no server. Every unzip tool reads it.
 */

export interface ArchiveFile {
  /** Path inside the archive, with forward slashes. */
  path: string;
  content: string | Uint8Array;
}

const crcTable = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (the zip and PNG polynomial) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The files as one zip archive (stored, UTF-8 names, dated 1 January 2026 so that the same files
 * always give the same bytes).
 *
 * @example
 * const zip = zipFiles([{ path: 'motion_model/motion_model.h', content: header }]);
 */
export function zipFiles(files: readonly ArchiveFile[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.path);
    const data = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    entryFields(l, 6, crc, data.length, name.length);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    entryFields(c, 8, crc, data.length, name.length);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((total, entry) => total + entry.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, files.length, true);
  e.setUint16(10, files.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  const archive = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}

/** The fields a file's local and central headers share, from its flags to its name's length. */
function entryFields(view: DataView, at: number, crc: number, size: number, nameLength: number): void {
  view.setUint16(at, 0x0800, true); // names in UTF-8
  view.setUint16(at + 2, 0, true); // stored
  view.setUint16(at + 4, 0, true); // 00:00
  view.setUint16(at + 6, ((2026 - 1980) << 9) | (1 << 5) | 1, true); // 1 January 2026
  view.setUint32(at + 8, crc, true);
  view.setUint32(at + 12, size, true);
  view.setUint32(at + 16, size, true);
  view.setUint16(at + 20, nameLength, true);
}
