import { diagnose, type Diagnosis } from '../train/metrics';
import { lessonDigitSettings, type DigitOutcome, type DigitSettings } from './digit-settings';

/** One of the lab's models, named as in the lesson's table. */
export interface LabSetup {
  model: 'A' | 'B' | 'C';
  settings: DigitSettings;
}

/**
 * The lab's three models, chosen to give the lesson's table on these digits: A, the lesson's
 * network, fits well; B, a network of 2 units stopped after 3 epochs, scores about the same on
 * data it saw and data it did not, but low (underfitting; the lesson's B is 87 % and 87 %); C, 64
 * units trained 60 epochs on only 300 digits, learns them by heart (overfitting, as the lesson's
 * C at 99.9 % and 45 %).
 */
export const labSetups: readonly LabSetup[] = [
  { model: 'A', settings: { ...lessonDigitSettings } },
  { model: 'B', settings: { ...lessonDigitSettings, hidden: 2, epochs: 3 } },
  { model: 'C', settings: { ...lessonDigitSettings, hidden: 64, epochs: 60, trainRows: 300 } },
];

/**
 * What a lab row keeps of a run: a completed run's scores and the lesson's verdict on them; a
 * cancelled run leaves the row empty, as if it had not run, since its scores are not the model's.
 */
export function labRowResult(outcome: DigitOutcome): { state: 'done'; outcome: DigitOutcome; diagnosis: Diagnosis } | { state: 'idle'; outcome: undefined; diagnosis: undefined } {
  if (outcome.stopped === 'cancelled') return { state: 'idle', outcome: undefined, diagnosis: undefined };
  return { state: 'done', outcome, diagnosis: diagnose(outcome.train.accuracy, outcome.validation.accuracy, outcome.test.accuracy) };
}
