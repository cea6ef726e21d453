import { CodedError } from '../i18n/coded-error';
import type { MotionSamples } from './samples';

/** Where a recording's samples came from: a live source, or a file the user imported. */
export type SourceKind = 'phone' | 'bluetooth' | 'serial' | 'replay' | 'import';

/** What a source reports besides samples. */
export type SourceEvent =
  /**
   * Samples that were sent and never arrived: a board's counter says so, a phone's timestamps
   * do. `durationMs`: how long nothing arrived, when that was long enough to be a gap of its own.
   */
  | { type: 'lost'; count: number; atMs: number; durationMs?: number }
  /** The link dropped (Bluetooth out of range, cable pulled); what arrived is kept. */
  | { type: 'disconnected'; reason: DeviceError }
  /** The source has nothing more to give (a replay reached its end). */
  | { type: 'ended' }
  /** Lines or packets that could not be read and were skipped. */
  | { type: 'garbage'; count: number; example: string };

export interface SourceListener {
  samples(batch: MotionSamples): void;
  event?(event: SourceEvent): void;
}

/**
 * Anything that delivers motion: the phone's sensors, a board over Bluetooth or serial, a stored
 * recording replayed. Batches arrive in time order; `t` is ms on the source's own clock.
 */
export interface MotionSource {
  readonly kind: SourceKind;
  /** The device in the user's words, for the recording and for error messages. */
  readonly device: string;
  readonly hasGyro: boolean;
  /** Starts delivering; rejects with a message saying what to do when the source cannot start. */
  start(listener: SourceListener): Promise<void>;
  stop(): Promise<void>;
}

/** The source cannot be used here: no such API in this browser, or access refused. */
export class SourceUnavailableError extends CodedError {
  override name = 'SourceUnavailableError';
}

/** The user closed the device or port chooser: a choice, usually nothing to report. */
export class SourceCancelledError extends CodedError {
  override name = 'SourceCancelledError';
}

/** The chosen device could not be connected, opened or read. */
export class DeviceError extends CodedError {
  override name = 'DeviceError';
}
