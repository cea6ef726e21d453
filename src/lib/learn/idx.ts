import { MAX_IMPORT_BYTES } from '../io/file-text';
import type { LabelledImages } from '../store/digit-set';
/**
 * IDX, the file format MNIST and Fashion-MNIST are published in: two zero bytes, a type byte
 * (0x08, unsigned bytes, for both), the number of dimensions, each dimension as a big-endian
 * uint32, then the values. Files come gzip-compressed (`.gz`) or not; both are read here.
 */

/** An IDX file's values with their shape, e.g. [10000, 28, 28] for images, [10000] for labels. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** What can be wrong with a file, kept as data so that the page can word it in either language. */
export type IdxProblem =
  | { code: 'not-idx' }
  | { code: 'bad-gzip' }
  | { code: 'unsupported-type'; typeByte: number }
  | { code: 'truncated'; expectedBytes: number; foundBytes: number }
  | { code: 'extra-bytes'; extraBytes: number }
  | { code: 'longer-than-header' }
  | { code: 'too-large' }
  | { code: 'not-images'; dims: number[] }
  | { code: 'not-labels'; dims: number[] }
  | { code: 'no-images' }
  | { code: 'count-mismatch'; images: number; labels: number }
  | { code: 'label-out-of-range'; index: number; label: number }
  | { code: 'unpaired'; missing: 'images' | 'labels' }
  | { code: 'size-mismatch'; rows: number; cols: number; expectedRows: number; expectedCols: number }
  | { code: 'too-many-sets'; sets: number };

/** A file that cannot be used, and why; nothing of it is kept. */
export class IdxError extends Error {
  constructor(
    readonly file: string,
    readonly problem: IdxProblem,
  ) {
    super(`${file}: ${englishProblem(problem)}`);
    this.name = 'IdxError';
  }
}

function englishProblem(problem: IdxProblem): string {
  switch (problem.code) {
    case 'not-idx':
      return 'not an IDX file (an IDX file starts with two zero bytes, a type and its dimensions)';
    case 'bad-gzip':
      return 'a damaged or incomplete gzip file';
    case 'unsupported-type':
      return `holds values of IDX type 0x${problem.typeByte.toString(16).padStart(2, '0')}; only unsigned bytes (0x08), as in MNIST, are read`;
    case 'truncated':
      return `truncated: its header promises ${problem.expectedBytes} bytes, the file has ${problem.foundBytes}`;
    case 'extra-bytes':
      return `${problem.extraBytes} bytes more than its header describes`;
    case 'longer-than-header':
      return 'decompresses to more bytes than its header describes';
    case 'too-large':
      return `its header describes more than ${MAX_IMPORT_BYTES / 2 ** 20} MB of values, more than a file may have (MNIST's largest holds 47 MB)`;
    case 'not-images':
      return `not an image file (its shape is ${problem.dims.join(' × ')}, images are count × rows × columns)`;
    case 'not-labels':
      return `not a label file (its shape is ${problem.dims.join(' × ')}, labels are one count)`;
    case 'no-images':
      return 'no images: there is nothing to learn from';
    case 'count-mismatch':
      return `${problem.images} images but ${problem.labels} labels`;
    case 'label-out-of-range':
      return `label ${problem.label} at position ${problem.index + 1} is not a class from 0 to 9`;
    case 'unpaired':
      return `has no ${problem.missing} file to go with it (open images and labels together, e.g. train-images and train-labels)`;
    case 'size-mismatch':
      return `images of ${problem.rows} × ${problem.cols} pixels; the network reads ${problem.expectedRows} × ${problem.expectedCols}, as MNIST`;
    case 'too-many-sets':
      return `${problem.sets} sets of images and labels; open one training set and at most one test set`;
  }
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const UNSIGNED_BYTE = 0x08;

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * Decompresses gzip with the platform's own DecompressionStream (browsers and Node alike), never
 * into more bytes than the IDX header inside declares: a few MB of gzip can expand to gigabytes,
 * so it stops at once past that size, or past the limit of a file, rather than read it all first.
 */
async function gunzipIdx(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const head: Uint8Array[] = [];
  let plain: Uint8Array | undefined;
  let length = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new IdxError(file, { code: 'bad-gzip' });
      }
      if (chunk.done) break;
      if (plain) {
        if (length + chunk.value.length > plain.length) throw new IdxError(file, { code: 'longer-than-header' });
        plain.set(chunk.value, length);
        length += chunk.value.length;
        continue;
      }
      head.push(chunk.value);
      length += chunk.value.length;
      const declared = declaredBytes(concat(head, length), file);
      if (declared === undefined) continue;
      if (length > declared) throw new IdxError(file, { code: 'longer-than-header' });
      plain = new Uint8Array(declared);
      plain.set(concat(head, length));
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return (plain ?? concat(head, length)).subarray(0, length);
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/**
 * The whole file's size as its header declares it, or undefined while `start` is too short to
 * tell. Throws IdxError for a start that is no IDX header or a size past the limit of a file.
 */
function declaredBytes(start: Uint8Array, file: string): number | undefined {
  if (start.length < 4) return undefined;
  if (start[0] !== 0 || start[1] !== 0 || start[3] === 0) throw new IdxError(file, { code: 'not-idx' });
  const headerBytes = 4 + 4 * start[3]!;
  if (start.length < headerBytes) return undefined;
  const view = new DataView(start.buffer, start.byteOffset, headerBytes);
  let values = 1;
  for (let axis = 0; axis < start[3]!; axis += 1) values *= view.getUint32(4 + 4 * axis, false);
  if (headerBytes + values > MAX_IMPORT_BYTES) throw new IdxError(file, { code: 'too-large' });
  return headerBytes + values;
}

/** Reads an IDX file, gzip-compressed or not. Throws IdxError naming `file` if it is not one. */
export async function readIdx(bytes: Uint8Array, file: string): Promise<IdxArray> {
  return parseIdx(isGzip(bytes) ? await gunzipIdx(bytes, file) : bytes, file);
}

/** Parses uncompressed IDX bytes; the values are a view on `bytes`, not a copy. */
export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0 || (bytes[3] ?? 0) === 0) throw new IdxError(file, { code: 'not-idx' });
  const typeByte = bytes[2] as number;
  if (typeByte !== UNSIGNED_BYTE) throw new IdxError(file, { code: 'unsupported-type', typeByte });
  const rank = bytes[3] as number;
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) throw new IdxError(file, { code: 'truncated', expectedBytes: headerBytes, foundBytes: bytes.length });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, axis) => view.getUint32(4 + 4 * axis, false));
  const expectedBytes = headerBytes + dims.reduce((product, size) => product * size, 1);
  if (bytes.length < expectedBytes) throw new IdxError(file, { code: 'truncated', expectedBytes, foundBytes: bytes.length });
  if (bytes.length > expectedBytes) throw new IdxError(file, { code: 'extra-bytes', extraBytes: bytes.length - expectedBytes });
  return { dims, data: bytes.subarray(headerBytes, expectedBytes) };
}

/** Writes IDX bytes (unsigned bytes): the shipped digits are packed with it, and tests make files with it. */
export function encodeIdx({ dims, data }: IdxArray): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = UNSIGNED_BYTE;
  bytes[3] = dims.length;
  dims.forEach((size, axis) => view.setUint32(4 + 4 * axis, size, false));
  bytes.set(data, 4 + 4 * dims.length);
  return bytes;
}
export type { LabelledImages };

/** Checks that an image file and a label file belong together. Throws IdxError naming the file at fault. */
export function pairImages(images: IdxArray, labels: IdxArray, imageFile: string, labelFile: string): LabelledImages {
  if (images.dims.length !== 3) throw new IdxError(imageFile, { code: 'not-images', dims: images.dims });
  if (labels.dims.length !== 1) throw new IdxError(labelFile, { code: 'not-labels', dims: labels.dims });
  const [count, rows, cols] = images.dims as [number, number, number];
  // An empty set would be stored, then train into NaN curves (a mean over no images).
  if (count === 0) throw new IdxError(imageFile, { code: 'no-images' });
  if (labels.dims[0] !== count) throw new IdxError(labelFile, { code: 'count-mismatch', images: count, labels: labels.dims[0] as number });
  const outOfRange = labels.data.findIndex((label) => label > 9);
  if (outOfRange >= 0) throw new IdxError(labelFile, { code: 'label-out-of-range', index: outOfRange, label: labels.data[outOfRange] as number });
  return { count, rows, cols, images: images.data, labels: labels.data };
}
