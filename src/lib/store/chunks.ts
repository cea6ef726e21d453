import { sliceSamples, type MotionSamples } from '../sensors/samples';
import type { StoredChunk } from './schema';

/** Packs samples into a chunk: times become float32 offsets from the chunk's first sample. */
export function toChunk(recordingId: string, index: number, samples: MotionSamples): StoredChunk {
  const count = samples.t.length;
  const t0 = count > 0 ? (samples.t[0] ?? 0) : 0;
  const dt = new Float32Array(count);
  for (let i = 0; i < count; i += 1) dt[i] = (samples.t[i] ?? 0) - t0;
  return {
    recordingId,
    index,
    t0,
    dt,
    // Copies: a chunk owns its buffers, so later edits of the caller's arrays cannot change it.
    acc: samples.acc.slice(),
    gyro: samples.gyro ? samples.gyro.slice() : null,
  };
}

export function fromChunk(chunk: StoredChunk): MotionSamples {
  const t = new Float64Array(chunk.dt.length);
  for (let i = 0; i < t.length; i += 1) t[i] = chunk.t0 + (chunk.dt[i] ?? 0);
  return { t, acc: chunk.acc, gyro: chunk.gyro };
}

/** Splits samples into chunks of at most `size` samples, numbered from `firstIndex`. */
export function toChunks(recordingId: string, samples: MotionSamples, size: number, firstIndex = 0): StoredChunk[] {
  const chunks: StoredChunk[] = [];
  for (let from = 0, index = firstIndex; from < samples.t.length; from += size, index += 1) {
    const to = Math.min(from + size, samples.t.length);
    chunks.push(toChunk(recordingId, index, sliceSamples(samples, from, to)));
  }
  return chunks;
}
