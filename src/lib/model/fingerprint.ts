import type { TrainedRecording } from './record';

/**
 * A short fingerprint of the data a model learnt from (which recordings, their labels and sizes),
 * so a model can tell whether the dataset has changed since it was trained. FNV-1a, 32 bits, hex:
 * for noticing change, not for security.
 *
 * @example
 * dataFingerprint([{ id: 'a', label: 'walking', sampleCount: 1000 }]) // '5c1f…'
 */
export function dataFingerprint(recordings: readonly { id: string; label: string; sampleCount: number }[]): string {
  const text = recordings
    .map((recording) => `${recording.id}:${recording.label}:${recording.sampleCount}`)
    .sort()
    .join('\n');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A recording with its samples as a fingerprint sees it: id, name, label and sample count. Training
 * keeps its training side this way, and the export reads the device's recordings the same way to
 * compare them.
 *
 * @example
 * dataFingerprint(items.map(trainedRecording)) === model.trainedOn.fingerprint // nothing changed
 */
export function trainedRecording(item: { recording: { id: string; name: string; label: string }; samples: { t: ArrayLike<number> } }): TrainedRecording {
  return { id: item.recording.id, name: item.recording.name, label: item.recording.label, sampleCount: item.samples.t.length };
}
