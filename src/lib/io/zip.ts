/**
 * The files in a zip archive, as Sensor Logger and phyphox export a recording: read from the
 * archive's central directory, stored or deflated (inflated by the platform's
 * DecompressionStream, in the page, the worker and Node alike).
 */
import { ImportError } from './errors';

export interface ZipEntry {
  /** The path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

/** Whether the bytes start like a zip archive ("PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === localHeader;
}

/** A deflated entry's bytes; a damaged stream (the platform throws its own kind of error) is a damaged zip. */
async function inflate(file: string, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new ImportError('damaged-zip', {}, { file });
  }
}

/**
 * The files in a zip (folders left out) whose names `wanted` accepts. Throws ImportError when
 * the archive is damaged or uses a compression other than deflate.
 */
export async function readZip(file: string, bytes: Uint8Array, wanted: (name: string) => boolean): Promise<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = () => new ImportError('damaged-zip', {}, { file });
  // The end record is in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end === -1) throw damaged();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  try {
    for (let k = 0; k < count; k += 1) {
      if (view.getUint32(at, true) !== directoryEntry) throw damaged();
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const offset = view.getUint32(at + 42, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/') || !wanted(name)) continue;
      if (view.getUint32(offset, true) !== localHeader) throw damaged();
      const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      const data = bytes.subarray(start, start + compressedSize);
      if (method === 0) entries.push({ name, bytes: data });
      else if (method === 8) entries.push({ name, bytes: await inflate(file, data) });
      else throw damaged();
    }
  } catch (error) {
    // Offsets past the end of the bytes: DataView throws a RangeError.
    if (error instanceof RangeError) throw damaged();
    throw error;
  }
  return entries;
}
