import type { BackendStatus } from './backend';
import type { EpochLog } from '../train/fit';
import type { DigitSplit } from '../learn/shipped-digits';
import type { NeuronResult } from '../learn/one-neuron';
import type { Point } from '../learn/regression';
import type { DigitOutcome, DigitSettings } from '../learn/digit-settings';

/** Messages to the lesson worker. */
export type LessonRequest =
  | { type: 'neuron'; id: number; points: Point[]; epochs: number; learningRate: number; seed: number }
  | { type: 'digits'; id: number; split: DigitSplit; settings: DigitSettings }
  | { type: 'cancel'; id: number };

/** Messages from the lesson worker; `id` names the request they answer. */
export type LessonReply =
  | { type: 'backend'; id: number; status: BackendStatus }
  | { type: 'neuron-epoch'; id: number; epoch: number; loss: number }
  | { type: 'neuron-done'; id: number; result: NeuronResult }
  | { type: 'digits-epoch'; id: number; log: EpochLog }
  | { type: 'digits-done'; id: number; outcome: DigitOutcome }
  | { type: 'failed'; id: number; message: string };
