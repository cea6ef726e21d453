import type { Axis } from '../sensors/samples';
import type { SourceKind } from '../sensors/source';

export type { SourceKind };

/** A gap in a recording: samples that should have arrived and did not (a lost link, a stall). */
export interface Gap {
  /** ms from the recording's first sample to the last sample before the gap. */
  atMs: number;
  durationMs: number;
  /** Samples known lost (from a device's sample counter), when known. */
  lostSamples?: number;
}

/** One GPS fix taken while recording; the rule baseline uses the speed. */
export interface SpeedFix {
  /** ms on the recording's own clock (same as its samples). */
  t: number;
  speedMs: number;
  accuracyM: number;
}

/** What the app knows of one recording; its samples are stored apart, in chunks. */
export interface Recording {
  id: string;
  /** The user's name for it; defaults to the label and time, or the imported file's name. */
  name: string;
  label: string;
  /** Who recorded it (subject); keeps one person's recordings on one side of a split. */
  group: string;
  source: SourceKind;
  /** The device in the user's words, e.g. "Nano 33 BLE Sense (BLESense)", "This phone". */
  device: string;
  /** Measured sample rate. */
  rateHz: number;
  /** Wall-clock start, ms since the epoch. */
  startedAt: number;
  durationMs: number;
  sampleCount: number;
  axes: Axis[];
  notes: string;
  /** True when recording stopped without the user stopping it (tab closed, crash). */
  interrupted: boolean;
  lostSamples: number;
  gaps: Gap[];
  speedFixes: SpeedFix[];
}
