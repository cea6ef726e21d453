import { axesFor, concatSamples, meanRateHz, type MotionSamples } from '../sensors/samples';
import { causeFact, CodedError, durationFact } from '../i18n/coded-error';
import type { MotionSource, SourceEvent } from '../sensors/source';
import type { Gap, Recording, SpeedFix } from '../store/recording';
import type { MotionStore } from '../store/motion-store';
import { stallCount, stalledForMs } from './stall';

export interface RecorderProgress {
  sampleCount: number;
  durationMs: number;
  rateHz: number;
  lostSamples: number;
  /** Stalls and dropped links so far: the gaps training cuts the recording at. */
  stallCount: number;
  /** Samples stored so far: what survives if the tab dies now. */
  savedSamples: number;
}

export type RecorderState = 'idle' | 'recording' | 'disconnected' | 'stopped' | 'failed';

export interface RecorderCallbacks {
  /** New samples, already on the recording's time line (ms from its first sample). */
  samples?(batch: MotionSamples): void;
  progress?(progress: RecorderProgress): void;
  /** A new state; `problem` says why it failed or disconnected, as an error the page words for the user. */
  state?(state: RecorderState, problem?: Error): void;
  garbage?(count: number, example: string): void;
}

/** What the recorder needs of the store: a recording session, and discarding one that never started. */
type SessionStore = Pick<MotionStore, 'begin' | 'appendSamples' | 'finish' | 'discard'>;

/** What the user chose before pressing record; the recorder fills in the rest. */
export type RecordingDraft = Pick<Recording, 'id' | 'name' | 'label' | 'group' | 'notes'>;

/**
 * Records one source into the store. The recording's row is written first, marked interrupted,
 * and samples are saved at least every `flushIntervalMs` (`appendSamples`, with the gaps and
 * GPS fixes that came with them), so a closed or crashed tab loses at most that much. `stop()`
 * writes the finished row and clears the mark; after a crash `recoverInterrupted` rebuilds the
 * row from what was saved, still marked. However fast samples arrive, a save holds everything
 * pending.
 */
export class Recorder {
  readonly #store: SessionStore;
  readonly #source: MotionSource;
  readonly #callbacks: RecorderCallbacks;
  readonly #flushIntervalMs: number;
  readonly #maxDurationMs: number | undefined;
  #recording: Recording;
  #pending: MotionSamples[] = [];
  #firstT: number | undefined;
  #lastT: number | undefined;
  #startedPerf = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #state: RecorderState = 'idle';
  /** The link dropped; the next samples close the gap it left. */
  #disconnected = false;
  #savedSamples = 0;
  /** Gaps and GPS fixes already saved. */
  #savedGaps = 0;
  #savedSpeedFixes = 0;

  constructor(options: {
    store: SessionStore;
    source: MotionSource;
    draft: RecordingDraft;
    callbacks?: RecorderCallbacks;
    flushIntervalMs?: number;
    maxDurationMs?: number;
  }) {
    this.#store = options.store;
    this.#source = options.source;
    this.#callbacks = options.callbacks ?? {};
    this.#flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.#maxDurationMs = options.maxDurationMs;
    this.#recording = {
      ...options.draft,
      source: options.source.kind,
      device: options.source.device,
      rateHz: 0,
      startedAt: Date.now(),
      durationMs: 0,
      sampleCount: 0,
      axes: axesFor(options.source.hasGyro),
      interrupted: true,
      lostSamples: 0,
      gaps: [],
      speedFixes: [],
    };
  }

  get state(): RecorderState {
    return this.#state;
  }

  get recording(): Recording {
    return this.#recording;
  }

  async start(): Promise<void> {
    await this.#store.begin(this.#recording);
    this.#startedPerf = performance.now();
    this.#setState('recording');
    try {
      await this.#source.start({
        samples: (batch) => this.#receive(batch),
        event: (event) => this.#onEvent(event),
      });
    } catch (error) {
      // Nothing arrived: an empty row is no use to anyone.
      await this.#store.discard(this.#recording.id).catch(() => undefined);
      this.#setState('failed', error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    // Some sources (a serial board) only know whether they send rotation once they run.
    this.#recording = { ...this.#recording, axes: axesFor(this.#source.hasGyro) };
    this.#timer = setInterval(() => void this.#flush(), this.#flushIntervalMs);
  }

  /** Adds a GPS fix, timed on the recording's clock. */
  addSpeedFix(fix: Omit<SpeedFix, 't'>): void {
    this.#recording = {
      ...this.#recording,
      speedFixes: [...this.#recording.speedFixes, { ...fix, t: performance.now() - this.#startedPerf }],
    };
  }

  /** Stops the source, stores what is left and marks the recording complete. */
  async stop(): Promise<Recording> {
    if (this.#state === 'stopped') return this.#recording;
    clearInterval(this.#timer);
    await this.#source.stop();
    await this.#flush();
    if (this.#state !== 'failed') {
      const finished = { ...this.#recording, interrupted: false };
      await this.#store.finish(finished);
      this.#recording = finished;
      this.#setState('stopped');
    }
    return this.#recording;
  }

  #receive(batch: MotionSamples): void {
    if (this.#state === 'stopped' || this.#state === 'failed' || batch.t.length === 0) return;
    const first = batch.t[0] ?? 0;
    this.#firstT ??= first;
    if (this.#lastT !== undefined) {
      const gap = { atMs: this.#lastT - this.#firstT, durationMs: first - this.#lastT };
      if (this.#disconnected) {
        this.#addGap(gap);
        this.#disconnected = false;
        this.#setState('recording');
      } else if (stalledForMs(gap.durationMs, this.#progress(gap.atMs).rateHz) !== undefined && this.#recording.gaps.at(-1)?.atMs !== gap.atMs) {
        // A stall the source did not report (a phone reports its own, with the readings lost):
        // a board over serial, whose silence shows only in the times.
        this.#addGap(gap);
      }
    }
    const t = new Float64Array(batch.t.length);
    for (let i = 0; i < t.length; i += 1) t[i] = (batch.t[i] ?? 0) - this.#firstT;
    const rebased = { t, acc: batch.acc, gyro: this.#source.hasGyro ? batch.gyro : null };
    this.#lastT = batch.t[batch.t.length - 1];
    this.#pending.push(rebased);
    this.#callbacks.samples?.(rebased);
    const durationMs = t[t.length - 1] ?? 0;
    this.#callbacks.progress?.(this.#progress(durationMs));
    if (this.#maxDurationMs !== undefined && durationMs >= this.#maxDurationMs) void this.stop();
  }

  #onEvent(event: SourceEvent): void {
    if (event.type === 'lost') {
      this.#addGap({ atMs: event.atMs, durationMs: event.durationMs ?? 0, lostSamples: event.count });
    } else if (event.type === 'disconnected') {
      this.#disconnected = true;
      this.#setState('disconnected', event.reason);
      void this.#flush();
    } else if (event.type === 'ended') {
      void this.stop();
    } else {
      this.#callbacks.garbage?.(event.count, event.example);
    }
  }

  #addGap(gap: Gap): void {
    this.#recording = {
      ...this.#recording,
      gaps: [...this.#recording.gaps, gap],
      lostSamples: this.#recording.lostSamples + (gap.lostSamples ?? 0),
    };
  }

  #progress(durationMs: number): RecorderProgress {
    const sampleCount = this.#recording.sampleCount + this.#pending.reduce((sum, batch) => sum + batch.t.length, 0);
    return {
      sampleCount,
      durationMs,
      rateHz: meanRateHz(sampleCount, durationMs),
      lostSamples: this.#recording.lostSamples,
      stallCount: stallCount(this.#recording.gaps, meanRateHz(sampleCount, durationMs)),
      savedSamples: this.#savedSamples,
    };
  }

  /** Saves pending samples, gaps and fixes; saves run one after another, never in parallel. */
  #flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.length === 0 || this.#state === 'failed') return;
      const batch = concatSamples(this.#pending, this.#source.hasGyro);
      this.#pending = [];
      const { gaps, speedFixes } = this.#recording;
      try {
        await this.#store.appendSamples(this.#recording.id, batch, {
          gaps: gaps.slice(this.#savedGaps),
          speedFixes: speedFixes.slice(this.#savedSpeedFixes),
        });
      } catch (error) {
        clearInterval(this.#timer);
        void this.#source.stop();
        this.#setState('failed', storageFailure(error, this.#recording));
        // The row as of the last save, if there is room for it; else the next start recovers it.
        await this.#store.finish(this.#recording).catch(() => undefined);
        return;
      }
      this.#savedGaps = gaps.length;
      this.#savedSpeedFixes = speedFixes.length;
      const stored = this.#recording.sampleCount + batch.t.length;
      // Times are rebased to the first sample, so the last one is the duration.
      const durationMs = batch.t[batch.t.length - 1] ?? 0;
      // Only the counts change here: gaps and fixes may have come in during the save.
      this.#recording = { ...this.#recording, sampleCount: stored, durationMs, rateHz: meanRateHz(stored, durationMs) };
      this.#savedSamples = stored;
    });
    return this.#flushing;
  }

  #setState(state: RecorderState, problem?: Error): void {
    this.#state = state;
    this.#callbacks.state?.(state, problem);
  }
}

/** A save that failed, and how much of the recording was kept. */
function storageFailure(error: unknown, saved: Recording): CodedError {
  const facts = { name: saved.name, duration: durationFact(saved.durationMs) };
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return new CodedError('error.recorder.full', facts, { cause: error });
  return new CodedError('error.recorder.failed', { ...facts, reason: causeFact(error) }, { cause: error });
}
