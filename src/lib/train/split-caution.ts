import type { SplitCaution } from '../model/record';
import { SplitError, splitRecordings, type SplitRecording, type SplitSummary } from './split';

/**
 * Why the test score of this split of these recordings is optimistic, or undefined when it is
 * honest: the split is by recording when nobody is named or too few people are (see
 * `byRecordingFallback`), and a recording that names nobody may be its maker's only one on the
 * test side while their other recordings trained the network. The Train page warns with it before
 * training (on the split the run will make) and after.
 *
 * @example
 * splitCaution(recordings, splitRecordings(recordings, { seed }).summary) // { kind: 'people-unknown', unknown: 3, recordings: 40 }
 */
export function splitCaution(recordings: readonly SplitRecording[], summary: SplitSummary): SplitCaution | undefined {
  if (summary.byRecordingFallback) return { kind: 'too-few-people', people: summary.byRecordingFallback.people };
  const unknown = recordings.filter((recording) => recording.group === '').length;
  if (unknown === 0) return undefined;
  return unknown === recordings.length ? { kind: 'no-people' } : { kind: 'people-unknown', unknown, recordings: recordings.length };
}

/**
 * The caution of the split a run on these recordings with this seed will make (the default
 * shares, as the Train page's run), before it starts; undefined when there is nothing to split.
 */
export function cautionBeforeSplit(recordings: readonly SplitRecording[], seed: number): SplitCaution | undefined {
  try {
    return splitCaution(recordings, splitRecordings(recordings, { seed }).summary);
  } catch (error) {
    if (error instanceof SplitError) return undefined;
    throw error;
  }
}
