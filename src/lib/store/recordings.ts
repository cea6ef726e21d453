import { measuredRateHz } from '../signal/rate';
import { axesFor, concatSamples, firstIndexAtOrAfter, meanRateHz, sampleCount, sliceSamples, type MotionSamples } from '../sensors/samples';
import { ChunkPacker } from './chunk-packer';
import { chunkRange, fromChunk, toPackedChunks } from './chunks';
import type { Gap, Recording, SpeedFix } from './recording';
import { labelsWith, tidyLabel } from './labels';
import type { MotionDb, StoredChunk } from './schema';
import { StoreError } from './store-error';
import { addInTasks, committed } from './transaction';

export { StoreError };

/** Samples per stored chunk at most: a whole recording (imports, edits) or a running recording's save. */
export const CHUNK_SAMPLES = 1024;

/** A deleted recording held in memory so the deletion can be undone. */
export interface DeletedRecording {
  recording: Recording;
  samples: MotionSamples;
}

export interface LabelTotal {
  label: string;
  recordings: number;
  durationMs: number;
}

/**
 * A recording's samples made ready to store under `recordingId`: what they measure, and their
 * chunks packed. Packing a class's recordings (column shuffles, deflate) takes a cheap phone
 * long enough to freeze the page, so an import packs them in its parse worker and the page only
 * writes them. The chunks' format stays the store's business: the others only pass them on.
 */
export interface PackedSamples {
  recordingId: string;
  measured: Pick<Recording, 'axes' | 'sampleCount' | 'durationMs' | 'rateHz'>;
  chunks: StoredChunk[];
}

/** Packs `samples` for `RecordingStore.addWithLabel` under the id the recording will have. */
export async function packSamples(recordingId: string, samples: MotionSamples): Promise<PackedSamples> {
  return { recordingId, measured: measure(samples), chunks: await toPackedChunks(recordingId, samples, CHUNK_SAMPLES) };
}

/** The buffers of packed samples, to transfer them to another thread instead of copying them. */
export function packedBuffers({ chunks }: PackedSamples): ArrayBuffer[] {
  return chunks.flatMap((chunk) => (chunk.encoding === 'raw' ? [] : [chunk.packed.buffer as ArrayBuffer]));
}

/**
 * A complete, undamaged recording of `samples` (as they are, or packed): what it is measured
 * from them, defaults for the rest, and the caller's `fields` over both.
 */
export function recordingFor(
  samples: MotionSamples | PackedSamples,
  fields: Pick<Recording, 'id' | 'name' | 'label' | 'group' | 'source' | 'device' | 'startedAt'> & Partial<Recording>,
): Recording {
  return {
    notes: '',
    interrupted: false,
    lostSamples: 0,
    gaps: [],
    speedFixes: [],
    ...('chunks' in samples ? samples.measured : measure(samples)),
    ...fields,
  };
}

function measure(samples: MotionSamples): PackedSamples['measured'] {
  return { axes: axesFor(samples.gyro !== null), ...describeSamples(samples) };
}

/** Recomputes what a recording's metadata says about its samples (rate: median interval). */
export function describeSamples(samples: MotionSamples): Pick<Recording, 'sampleCount' | 'durationMs' | 'rateHz'> {
  const count = sampleCount(samples);
  const first = samples.t[0] ?? 0;
  const last = samples.t[count - 1] ?? first;
  const durationMs = last - first;
  return { sampleCount: count, durationMs, rateHz: measuredRateHz(samples.t) };
}

/** What came with a save's samples besides them: gaps that ended in them, GPS fixes taken meanwhile. */
export interface SampleExtras {
  gaps?: readonly Gap[];
  speedFixes?: readonly SpeedFix[];
}

/**
 * Recordings and their samples in IndexedDB; the store's chunk format is its own business.
 * Every change that touches more than one record happens in one transaction, so a failure (a
 * full disk, a closed tab) leaves the data as it was before the change, never half-written.
 * `MotionStore` (motion-store.ts) is the one that opens the database and adds labels, models and
 * digit sets.
 */
export class RecordingStore {
  readonly #db: MotionDb;
  #onFirstWrite: (() => void) | undefined;
  /** The next chunk's index, per recording that is receiving samples (between begin and finish). */
  readonly #nextChunk = new Map<string, number>();
  /** Packs the saves of running recordings off the page's thread; there while any runs. */
  #packer: ChunkPacker | undefined;

  constructor(db: MotionDb, options: { onFirstWrite?: () => void } = {}) {
    this.#db = db;
    this.#onFirstWrite = options.onFirstWrite;
  }

  /** Newest first. */
  async list(): Promise<Recording[]> {
    const all = await this.#db.getAllFromIndex('recordings', 'by-started');
    return all.reverse();
  }

  async get(id: string): Promise<Recording | undefined> {
    return this.#db.get('recordings', id);
  }

  async readSamples(id: string): Promise<MotionSamples> {
    const recording = await this.get(id);
    if (!recording) throw new StoreError('error.store.missing-recording', { id });
    const chunks = await this.#db.getAll('chunks', chunkRange(id));
    return concatSamples(await Promise.all(chunks.map(fromChunk)), recording.axes.includes('gyroX'));
  }

  /** Stores a whole recording (an import, an undo) in one transaction. */
  async add(recording: Recording, samples: MotionSamples): Promise<void> {
    this.#wrote();
    const chunks = await toPackedChunks(recording.id, samples, CHUNK_SAMPLES);
    const tx = this.#db.transaction(['recordings', 'chunks'], 'readwrite');
    await committed(tx, function* () {
      yield tx.objectStore('recordings').add(recording);
      for (const chunk of chunks) yield tx.objectStore('chunks').add(chunk);
    });
  }

  /**
   * Stores an imported recording under `label`: an existing label that matches regardless of
   * case (`Walking` joins `walking`), or a new one added in the same transaction, so that a
   * recording that cannot be stored (a full disk) leaves no label behind. Throws StoreError when
   * the label breaks the label rule, before anything is written. Returns the row as stored.
   * `samples` may come packed (`packSamples`) for the recording's id.
   */
  async addWithLabel(recording: Recording, samples: MotionSamples | PackedSamples, label: string): Promise<Recording> {
    const tidy = tidyLabel(label);
    if ('chunks' in samples && samples.recordingId !== recording.id) {
      throw new Error(`Samples packed for recording ${samples.recordingId} cannot be stored as ${recording.id}.`);
    }
    this.#wrote();
    const chunks = 'chunks' in samples ? samples.chunks : await toPackedChunks(recording.id, samples, CHUNK_SAMPLES);
    const tx = this.#db.transaction(['labels', 'recordings', 'chunks'], 'readwrite');
    const { names, added } = labelsWith(await tx.objectStore('labels').getAll(), [tidy]);
    const stored = { ...recording, label: names.get(tidy) ?? tidy };
    await committed(tx, function* () {
      for (const row of added) yield tx.objectStore('labels').add(row);
      yield tx.objectStore('recordings').add(stored);
      yield addInTasks(tx.objectStore('chunks'), chunks);
    });
    return stored;
  }

  /**
   * Creates the row of a recording that is about to receive samples (see Recorder): mark it
   * interrupted until `finish`, so that `recoverInterrupted` rebuilds it if the tab dies first.
   */
  async begin(recording: Recording): Promise<void> {
    this.#wrote();
    await this.#db.add('recordings', recording);
    this.#nextChunk.set(recording.id, 0);
    this.#packer ??= new ChunkPacker();
  }

  /**
   * Saves a running recording's new samples, and the gaps and GPS fixes that came with them, in
   * one transaction; call one save after another, never two at once for the same recording.
   * However many samples a save holds, they are stored in chunks of at most CHUNK_SAMPLES: at
   * 100 Hz and a save a second that is one chunk, under a flood one transaction carries hundreds
   * of thousands of samples. The extras ride on the save's first chunk, where
   * `recoverInterrupted` finds them; a save without samples stores nothing, so keep its extras
   * for the next.
   *
   * The chunks are packed in a worker (ChunkPacker): the page's thread, which receives a phone's
   * readings, is left only the write.
   *
   * The row is not rewritten: each stored version of it would stay on disk as garbage until
   * the database compacts itself, more than the samples' own bytes at one save a second.
   * `finish` writes the row once.
   */
  async appendSamples(id: string, samples: MotionSamples, extras: SampleExtras = {}): Promise<void> {
    const firstIndex = this.#nextChunk.get(id);
    if (firstIndex === undefined) throw new StoreError('error.store.not-recording', { id });
    const chunks = await toPackedChunks(id, samples, CHUNK_SAMPLES, firstIndex, this.#packer?.pack);
    const [first] = chunks;
    if (first && extras.gaps?.length) first.gaps = [...extras.gaps];
    if (first && extras.speedFixes?.length) first.speedFixes = [...extras.speedFixes];
    const tx = this.#db.transaction('chunks', 'readwrite');
    await Promise.all([...chunks.map((chunk) => tx.store.add(chunk)), tx.done]);
    this.#nextChunk.set(id, firstIndex + chunks.length);
  }

  /** Writes a recording's final row once its last samples are stored; it receives no more. */
  async finish(recording: Recording): Promise<void> {
    this.#received(recording.id);
    await this.#db.put('recordings', recording);
  }

  /**
   * Brings every interrupted recording's row up to date with its chunks (the tab closed, the
   * disk filled): sample count, duration, rate, gaps and GPS fixes, each row in one transaction
   * with the chunks it is read from. A recording still running in another tab only gets a row
   * that is true so far; its own `finish` comes later and wins. Returns the rows it changed.
   */
  async recoverInterrupted(): Promise<Recording[]> {
    const interrupted = (await this.#db.getAll('recordings')).filter((recording) => recording.interrupted);
    const recovered: Recording[] = [];
    for (const { id } of interrupted) {
      const tx = this.#db.transaction(['recordings', 'chunks'], 'readwrite');
      const [recording, chunks] = await Promise.all([
        tx.objectStore('recordings').get(id),
        tx.objectStore('chunks').getAll(chunkRange(id)),
      ]);
      const updated = recording?.interrupted ? fromChunks(recording, chunks) : undefined;
      if (updated) {
        await Promise.all([tx.objectStore('recordings').put(updated), tx.done]);
        recovered.push(updated);
      } else {
        await tx.done;
      }
    }
    return recovered;
  }

  /** Changes what the user may edit directly: name, label, group, notes. */
  async update(id: string, patch: Partial<Pick<Recording, 'name' | 'label' | 'group' | 'notes' | 'interrupted'>>): Promise<Recording> {
    const tx = this.#db.transaction('recordings', 'readwrite');
    const recording = await tx.store.get(id);
    if (!recording) throw new StoreError('error.store.missing-recording', { id });
    const updated = { ...recording, ...patch };
    await Promise.all([tx.store.put(updated), tx.done]);
    return updated;
  }

  /** Keeps only the samples from `startMs` to `endMs` (ms from the first sample). */
  async trim(id: string, startMs: number, endMs: number): Promise<Recording> {
    const [recording, samples] = await this.#load(id);
    const first = samples.t[0] ?? 0;
    const from = firstIndexAtOrAfter(samples.t, first + startMs);
    const to = firstIndexAtOrAfter(samples.t, first + endMs + 1e-6);
    if (to - from < 2) throw new StoreError('error.store.trim-empty', { name: recording.name, startMs, endMs });
    const kept = sliceSamples(samples, from, to);
    const trimmed: Recording = { ...recording, ...describeSamples(kept), ...shiftExtras(recording, samples.t[from] ?? first, first, kept) };
    await this.#replace([recording.id], [[trimmed, kept]]);
    return trimmed;
  }

  /** Cuts a recording in two at `atMs` (ms from its first sample); returns both halves. */
  async split(id: string, atMs: number, newId: string): Promise<[Recording, Recording]> {
    const [recording, samples] = await this.#load(id);
    const first = samples.t[0] ?? 0;
    const at = firstIndexAtOrAfter(samples.t, first + atMs);
    if (at < 2 || samples.t.length - at < 2) {
      throw new StoreError('error.store.split-empty', { name: recording.name, atMs });
    }
    const head = sliceSamples(samples, 0, at);
    const tail = sliceSamples(samples, at, samples.t.length);
    const headRecording: Recording = { ...recording, ...describeSamples(head), ...shiftExtras(recording, first, first, head) };
    const tailStart = samples.t[at] ?? first;
    const tailRecording: Recording = {
      ...recording,
      id: newId,
      name: `${recording.name} (2)`,
      startedAt: recording.startedAt + (tailStart - first),
      ...describeSamples(tail),
      ...shiftExtras(recording, tailStart, first, tail),
    };
    await this.#replace([recording.id], [[headRecording, head], [tailRecording, tail]]);
    return [headRecording, tailRecording];
  }

  /** Deletes a recording; keep the result to undo with `restore`. */
  async delete(id: string): Promise<DeletedRecording> {
    const [recording, samples] = await this.#load(id);
    await this.#replace([id], []);
    this.#received(id);
    return { recording, samples };
  }

  async restore(deleted: DeletedRecording): Promise<void> {
    await this.add(deleted.recording, deleted.samples);
  }

  async totals(): Promise<LabelTotal[]> {
    return labelTotals([], await this.#db.getAll('recordings'));
  }

  async #load(id: string): Promise<[Recording, MotionSamples]> {
    const recording = await this.get(id);
    if (!recording) throw new StoreError('error.store.missing-recording', { id });
    return [recording, await this.readSamples(id)];
  }

  /** Deletes recordings `ids` and writes `replacements`, all in one transaction. */
  async #replace(ids: string[], replacements: [Recording, MotionSamples][]): Promise<void> {
    const packed = await Promise.all(replacements.map(([recording, samples]) => toPackedChunks(recording.id, samples, CHUNK_SAMPLES)));
    const tx = this.#db.transaction(['recordings', 'chunks'], 'readwrite');
    const recordings = tx.objectStore('recordings');
    const chunks = tx.objectStore('chunks');
    const requests: Promise<unknown>[] = [];
    for (const id of ids) {
      requests.push(recordings.delete(id), chunks.delete(chunkRange(id)));
    }
    replacements.forEach(([recording], i) => {
      requests.push(recordings.put(recording));
      for (const chunk of packed[i] ?? []) requests.push(chunks.put(chunk));
    });
    await Promise.all([...requests, tx.done]);
  }

  /** Recording `id` receives no more samples; the packer goes with the last running one. */
  #received(id: string): void {
    this.#nextChunk.delete(id);
    if (this.#nextChunk.size > 0) return;
    this.#packer?.close();
    this.#packer = undefined;
  }

  #wrote(): void {
    this.#onFirstWrite?.();
    this.#onFirstWrite = undefined;
  }
}

/**
 * Per label: how many recordings and how long in all. Every label in `labels` is listed (in that
 * order, even with nothing recorded yet), then any other label the recordings carry.
 */
export function labelTotals(labels: readonly string[], recordings: readonly Recording[]): LabelTotal[] {
  const totals = new Map<string, LabelTotal>(labels.map((label) => [label, { label, recordings: 0, durationMs: 0 }]));
  for (const recording of recordings) {
    const total = totals.get(recording.label) ?? { label: recording.label, recordings: 0, durationMs: 0 };
    total.recordings += 1;
    total.durationMs += recording.durationMs;
    totals.set(recording.label, total);
  }
  return [...totals.values()];
}

/**
 * A default name for a new recording: the label and the next free number.
 *
 * @example
 * nextName('walking', [{ name: 'walking 1', label: 'walking' }]) // 'walking 2'
 */
export function nextName(label: string, recordings: readonly Pick<Recording, 'name' | 'label'>[]): string {
  const taken = new Set(recordings.map((recording) => recording.name));
  let n = recordings.filter((recording) => recording.label === label).length + 1;
  while (taken.has(`${label} ${n}`)) n += 1;
  return `${label} ${n}`;
}

/**
 * An interrupted recording's row as its saved chunks describe it, or undefined when the row
 * already says so (or the chunks are from before `t1` was stored, when every save rewrote the
 * row). Times are on the recording's clock, which starts at 0 with its first sample, so the last
 * sample's time is the duration; the rate is the mean over it, as while recording.
 */
function fromChunks(recording: Recording, chunks: readonly StoredChunk[]): Recording | undefined {
  const count = chunks.reduce((sum, chunk) => sum + chunk.count, 0);
  const last = chunks[chunks.length - 1];
  if (count === recording.sampleCount || last?.t1 === undefined) return undefined;
  const gaps = chunks.flatMap((chunk) => chunk.gaps ?? []);
  return {
    ...recording,
    sampleCount: count,
    durationMs: last.t1,
    rateHz: meanRateHz(count, last.t1),
    gaps,
    speedFixes: chunks.flatMap((chunk) => chunk.speedFixes ?? []),
    lostSamples: gaps.reduce((sum, gap) => sum + (gap.lostSamples ?? 0), 0),
  };
}

/** Gaps and GPS fixes that fall inside a cut, moved onto the cut's own time line. */
function shiftExtras(
  recording: Recording,
  cutStart: number,
  recordingStart: number,
  kept: MotionSamples,
): Pick<Recording, 'gaps' | 'speedFixes' | 'lostSamples'> {
  const offset = cutStart - recordingStart;
  const end = offset + describeSamples(kept).durationMs;
  const gaps = recording.gaps
    .filter((gap) => gap.atMs >= offset && gap.atMs < end)
    .map((gap) => ({ ...gap, atMs: gap.atMs - offset }));
  const speedFixes = recording.speedFixes
    .filter((fix) => fix.t >= offset && fix.t <= end)
    .map((fix) => ({ ...fix, t: fix.t - offset }));
  return { gaps, speedFixes, lostSamples: gaps.reduce((sum, gap) => sum + (gap.lostSamples ?? 0), 0) };
}
