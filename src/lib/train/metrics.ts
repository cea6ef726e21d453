/**
 * How good a classifier is, measured on windows it has not trained on, and what the scores say
 * about what to do next.
 *
 * Labels are indices into the model's label list. A prediction outside it (-1, or any index past
 * the end) is a label the model's list lacks, such as the rule baseline's "biking" when nobody
 * recorded biking: it counts as an error, in its own "other" column.
 */

export interface Confusion {
  labels: string[];
  /**
   * counts[t][p]: windows of true label t predicted as label p. One column more than labels: the
   * last counts predictions outside the label list.
   */
  counts: number[][];
}

/**
 * Counts each (true, predicted) pair. `truth` holds indices into `labels`; `predicted` may hold
 * -1 for a label not in the list.
 *
 * @example
 * confusionMatrix(['walking', 'running'], [0, 0, 1], [0, 1, 1]).counts // [[1, 1, 0], [0, 1, 0]]
 */
export function confusionMatrix(labels: readonly string[], truth: ArrayLike<number>, predicted: ArrayLike<number>): Confusion {
  if (truth.length !== predicted.length) throw new RangeError(`confusionMatrix: ${truth.length} true labels, ${predicted.length} predictions`);
  const n = labels.length;
  const counts = labels.map(() => new Array<number>(n + 1).fill(0));
  for (let i = 0; i < truth.length; i += 1) {
    const row = counts[truth[i]!];
    if (!row) throw new RangeError(`confusionMatrix: true label ${truth[i]} is not an index into the ${n} labels`);
    const p = predicted[i]!;
    const column = Number.isInteger(p) && p >= 0 && p < n ? p : n;
    row[column] = row[column]! + 1;
  }
  return { labels: [...labels], counts };
}

/**
 * Each row divided by its total: where the windows of one true label went. A row with no windows
 * stays all 0.
 *
 * @example
 * rowNormalized(confusionMatrix(['a', 'b'], [0, 0], [0, 1])) // [[0.5, 0.5, 0], [0, 0, 0]]
 */
export function rowNormalized(confusion: Confusion): number[][] {
  return confusion.counts.map((row) => {
    const total = sum(row);
    return row.map((count) => (total > 0 ? count / total : 0));
  });
}

/**
 * Share of windows predicted right; NaN when there are none, as nothing was measured.
 *
 * @example
 * accuracy(confusionMatrix(['a', 'b'], [0, 1], [0, 0])) // 0.5
 */
export function accuracy(confusion: Confusion): number {
  const total = confusion.counts.reduce((all, row) => all + sum(row), 0);
  const right = confusion.counts.reduce((all, row, t) => all + row[t]!, 0);
  return total > 0 ? right / total : NaN;
}

export interface LabelScore {
  label: string;
  /** Of the windows predicted as this label, the share that were: precision = TP / (TP + FP). */
  precision: number;
  /** Of the windows of this label, the share found: recall = TP / (TP + FN). */
  recall: number;
  /** Harmonic mean of precision and recall: 2PR / (P + R). */
  f1: number;
  /** Windows of this label. */
  support: number;
  /** Windows predicted as this label. */
  predicted: number;
}

/**
 * Precision, recall and F1 of each label. Where a ratio is 0/0 (never predicted, no windows, or
 * both 0) it is 0, as scikit-learn reports it: a label the model never says has no precision to
 * speak of, and showing 0 keeps it visible rather than hiding it as "n/a".
 *
 * @example
 * labelScores(confusion).map((s) => `${s.label}: F1 ${s.f1.toFixed(2)}`)
 */
export function labelScores(confusion: Confusion): LabelScore[] {
  const n = confusion.labels.length;
  return confusion.labels.map((label, l) => {
    const truePositives = confusion.counts[l]![l]!;
    const support = sum(confusion.counts[l]!);
    let predicted = 0;
    for (let t = 0; t < n; t += 1) predicted += confusion.counts[t]![l]!;
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support, predicted };
  });
}

/**
 * The unweighted mean F1 over labels that occur in the truth or the predictions: every activity
 * counts the same, however many windows it has, so a model cannot score well by getting only the
 * common one right. A label neither present nor predicted is left out, as it was not tested.
 *
 * @example
 * macroF1(labelScores(confusion))
 */
export function macroF1(scores: readonly LabelScore[]): number {
  const tested = scores.filter((score) => score.support > 0 || score.predicted > 0);
  return tested.length > 0 ? tested.reduce((all, score) => all + score.f1, 0) / tested.length : NaN;
}

export interface Evaluation {
  confusion: Confusion;
  normalized: number[][];
  accuracy: number;
  perLabel: LabelScore[];
  macroF1: number;
}

/**
 * Every window-level score at once.
 *
 * @example
 * const test = evaluate(labels, testTruth, testPredicted);
 * show(test.accuracy, test.macroF1, test.normalized);
 */
export function evaluate(labels: readonly string[], truth: ArrayLike<number>, predicted: ArrayLike<number>): Evaluation {
  const confusion = confusionMatrix(labels, truth, predicted);
  const perLabel = labelScores(confusion);
  return { confusion, normalized: rowNormalized(confusion), accuracy: accuracy(confusion), perLabel, macroF1: macroF1(perLabel) };
}

export interface RecordingResult {
  /** The recording's index, as given in `recordingOf`. */
  recording: number;
  truth: number;
  /** The label most of its windows got; -1 when most got a label outside the list. */
  predicted: number;
  windows: number;
  /** Share of its windows predicted right. */
  windowAccuracy: number;
  correct: boolean;
}

/**
 * What a user would see after a whole recording: the label most of its windows got (a majority
 * vote; a tie goes to the lowest label index, a label outside the list last). One confused window
 * in a recording rarely changes the vote, so this accuracy is usually above the window accuracy.
 *
 * @example
 * const { accuracy } = recordingResults(truth, predicted, windowRecording, labels.length);
 */
export function recordingResults(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  recordingOf: ArrayLike<number>,
  labelCount: number,
): { recordings: RecordingResult[]; accuracy: number } {
  if (truth.length !== predicted.length || truth.length !== recordingOf.length) {
    throw new RangeError(`recordingResults: ${truth.length} true labels, ${predicted.length} predictions, ${recordingOf.length} recordings`);
  }
  const votes = new Map<number, { truth: number; counts: number[] }>();
  for (let i = 0; i < truth.length; i += 1) {
    const recording = recordingOf[i]!;
    let entry = votes.get(recording);
    if (!entry) {
      entry = { truth: truth[i]!, counts: new Array<number>(labelCount + 1).fill(0) };
      votes.set(recording, entry);
    }
    const p = predicted[i]!;
    const column = Number.isInteger(p) && p >= 0 && p < labelCount ? p : labelCount;
    entry.counts[column] = entry.counts[column]! + 1;
  }
  const recordings = [...votes]
    .sort((a, b) => a[0] - b[0])
    .map(([recording, { truth: label, counts }]) => {
      const winner = counts.indexOf(Math.max(...counts));
      const windows = sum(counts);
      return {
        recording,
        truth: label,
        predicted: winner === labelCount ? -1 : winner,
        windows,
        windowAccuracy: (counts[label] ?? 0) / windows,
        correct: winner === label,
      };
    });
  const right = recordings.filter((result) => result.correct).length;
  return { recordings, accuracy: recordings.length > 0 ? right / recordings.length : NaN };
}

/** Below this training accuracy the model has not even learnt the data it saw. */
export const UNDERFITTING_BELOW = 0.8;
/**
 * A held-out accuracy more than this under the training accuracy means the model learnt its
 * training recordings rather than the activities. The lesson's model A (99.9 % train, 95 % test)
 * is fine and its model C (99.9 %, 45 %) is not; 10 points is where this app draws the line.
 */
export const OVERFITTING_GAP = 0.1;

export type Verdict = 'good' | 'overfitting' | 'underfitting';
/** What to try next, as codes a UI words in its language. */
export type DiagnosisHint = 'more-data' | 'fewer-units-or-more-dropout' | 'more-epochs-or-bigger-model';

export interface Diagnosis {
  verdict: Verdict;
  hints: DiagnosisHint[];
  /** Training accuracy minus the lower of the validation and test accuracies (those that are numbers). */
  gap: number;
  /** The same in plain English. */
  message: string;
}

/**
 * Reads the three accuracies as the lesson does. Underfitting is judged first: a model that has
 * not learnt its training data has no gap worth reading. Then the gap to the worse of validation
 * and test (NaN for a side left out of the split is ignored): both are data the weights never saw.
 *
 * @example
 * diagnose(0.999, 0.6, 0.45).verdict // 'overfitting'
 */
export function diagnose(trainAcc: number, valAcc: number, testAcc: number): Diagnosis {
  const heldOut = [valAcc, testAcc].filter((value) => !Number.isNaN(value));
  const gap = heldOut.length > 0 ? trainAcc - Math.min(...heldOut) : NaN;
  const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;
  if (trainAcc < UNDERFITTING_BELOW) {
    return {
      verdict: 'underfitting',
      hints: ['more-epochs-or-bigger-model'],
      gap,
      message: `The model gets only ${percent(trainAcc)} of its own training windows right: it has not learnt them yet. Train for more epochs or give it more units.`,
    };
  }
  if (gap > OVERFITTING_GAP) {
    return {
      verdict: 'overfitting',
      hints: ['more-data', 'fewer-units-or-more-dropout'],
      gap,
      message: `The model is ${Math.round(gap * 100)} points less accurate on recordings it never saw than on its training recordings: it learnt those recordings rather than the activities. Record more, or use fewer units or more dropout.`,
    };
  }
  return {
    verdict: 'good',
    hints: [],
    gap,
    message: 'The model is about as accurate on recordings it never saw as on its training recordings.',
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
