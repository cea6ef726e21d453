import { sliceSamples, type MotionSamples } from '../sensors/samples';
import { packColumns, unpackColumns } from './chunk-codec';
import type { PackChunk } from './chunk-packer';
import type { StoredChunk } from './schema';

/** Times as float32 offsets from the first sample's time. */
function offsets(samples: MotionSamples): { t0: number; dt: Float32Array } {
  const count = samples.t.length;
  const t0 = count > 0 ? (samples.t[0] ?? 0) : 0;
  const dt = new Float32Array(count);
  for (let i = 0; i < count; i += 1) dt[i] = (samples.t[i] ?? 0) - t0;
  return { t0, dt };
}

/**
 * Samples split into packed chunks of at most `size` samples, numbered from `firstIndex`.
 * Compression is asynchronous, so call this before opening the transaction that stores the
 * chunks: an IndexedDB transaction closes as soon as it has nothing left to do. `pack` may pack
 * them on another thread (ChunkPacker).
 */
export async function toPackedChunks(
  recordingId: string,
  samples: MotionSamples,
  size: number,
  firstIndex = 0,
  pack: PackChunk = packColumns,
): Promise<StoredChunk[]> {
  const chunks: Promise<StoredChunk>[] = [];
  for (let from = 0, index = firstIndex; from < samples.t.length; from += size, index += 1) {
    const part = sliceSamples(samples, from, Math.min(from + size, samples.t.length));
    const { t0, dt } = offsets(part);
    chunks.push(
      pack(dt, part.acc, part.gyro).then((packed) => ({
        recordingId,
        index,
        t0,
        t1: part.t[dt.length - 1] ?? t0,
        count: dt.length,
        encoding: 'delta-packed' as const,
        hasGyro: part.gyro !== null,
        packed,
      })),
    );
  }
  return Promise.all(chunks);
}

export async function fromChunk(chunk: StoredChunk): Promise<MotionSamples> {
  const { dt, acc, gyro } =
    chunk.encoding === 'raw' ? chunk : await unpackColumns(chunk.packed, chunk.count, chunk.hasGyro, chunk.encoding === 'delta-packed');
  const t = new Float64Array(dt.length);
  for (let i = 0; i < t.length; i += 1) t[i] = chunk.t0 + (dt[i] ?? 0);
  return { t, acc, gyro };
}

/** Every chunk of recording `id`, in order. */
export function chunkRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
}
