import type { BackendStatus } from './backend';
import type { CodedFailure } from './failure';
import type { FeatureConfig } from '../signal/features';
import type { HeldOutResults, ModelArtifacts, ModelMetrics, ModelResults, Preprocessing, StoredModel, TrainedOn, TrainingSettings, UnknownStats } from '../model/record';
import type { CrossValidation } from '../train/cross-validation';
import type { CandidateScore, ModelSearch, SearchProgress } from '../train/search';
import type { FoldCount } from '../train/training-settings';
import type { EpochLog } from '../train/fit';
import type { TrainingStage } from '../train/train-activity';
import type { DigitSplit } from '../learn/shipped-digits';
import type { DigitOutcome, DigitSettings } from '../learn/digit-settings';
import type { NeuronResult } from '../learn/one-neuron';
import type { Point } from '../learn/regression';

/**
 * The compute worker's protocol, both directions. Every request carries an id, and every reply
 * the id of the request it answers. A run goes: `backend` (tfjs started), any number of
 * `progress`, then one `done` or one `failed`. A `cancel` names the run it stops; the run still
 * ends with `done` (what it had when stopped) or `failed`.
 */

/** What a finished Train page run sends back: everything but the live network, which stays in the worker. */
export interface TrainOutcome {
  artifacts: ModelArtifacts;
  preprocessing: Preprocessing;
  metrics: ModelMetrics;
  trainedOn: TrainedOn;
  /** The unknown score's statistics, stored with the model. */
  unknown: UnknownStats;
  history: EpochLog[];
  stopped: 'completed' | 'early' | 'cancelled';
  /** The curves, the test side and the recordings it got wrong: kept with the model. */
  results: HeldOutResults;
  tooShort: string[];
  nonFiniteSamples: number;
}

/** The model a search keeps, trained on every recording with the chosen setup, as the page stores it. */
export interface SearchKeptModel {
  artifacts: ModelArtifacts;
  preprocessing: Preprocessing;
  /** Its test scores are the search's honest ones: on all the recordings there is no test side of its own. */
  metrics: ModelMetrics;
  trainedOn: TrainedOn;
  training: TrainingSettings;
  /** The curves of its training and the search's folds, which scored it. */
  results: ModelResults;
}

/** What a finished search sends back: the scores, refusals as coded failures, and the kept model's weights. */
export interface SearchOutcome extends Omit<ModelSearch, 'kept' | 'candidates'> {
  candidates: (Omit<CandidateScore, 'refused'> & { refused?: CodedFailure })[];
  kept?: SearchKeptModel;
}

/** What "Calibrate to me" sends back: the calibrated weights and the person's other windows scored before and after. */
export interface CalibrateOutcome {
  artifacts: ModelArtifacts;
  /** The source's `trainedOn` with the take's recordings on the training side (none when the source kept none). */
  trainedOn?: TrainedOn;
  before: { accuracy: number; macroF1: number };
  after: { accuracy: number; macroF1: number };
  /** Windows calibrated on, and windows of the person's other recordings scored (0: nothing left to score). */
  takeWindows: number;
  testWindows: number;
  /** Names of the recordings (or their first parts) calibrated on, and the activities among them. */
  take: string[];
  activities: string[];
}

/** Per kind of run: what the page asks with, what comes back while it runs, and what it ends with. */
export interface Runs {
  /** The Train page: the worker reads every recording of `database` (the app's when not given) from IndexedDB itself. */
  train: {
    request: { database?: string; features: FeatureConfig; training: TrainingSettings };
    progress: { stage: TrainingStage } | { epoch: EpochLog };
    result: TrainOutcome;
  };
  /** The Train page's "on someone new": cross-validation by person over the recordings of `database`, read as `train` reads them. */
  crossValidate: {
    request: { database?: string; features: FeatureConfig; training: TrainingSettings; folds: FoldCount };
    progress: { fold: number; folds: number } | { epoch: EpochLog };
    result: CrossValidation;
  };
  /** The Train page's "find the best setup": the nested search over the recordings of `database`, within `budgetS`. */
  search: {
    request: { database?: string; features: FeatureConfig; training: TrainingSettings; budgetS: number };
    progress: SearchProgress | { epoch: EpochLog };
    result: SearchOutcome;
  };
  /**
   * "Calibrate to me": `model` adapted to `person` on the first `seconds` of each of their
   * activities in `database`, taken from the recordings named in `take` first, then oldest first.
   */
  calibrate: {
    request: { database?: string; model: Pick<StoredModel, 'artifacts' | 'preprocessing' | 'trainedOn'>; person: string; seconds: number; take?: string[] };
    progress: never;
    result: CalibrateOutcome;
  };
  /** The regression lesson's one neuron. */
  neuron: {
    request: { points: Point[]; epochs: number; learningRate: number; seed: number };
    progress: { epoch: number; loss: number };
    result: NeuronResult;
  };
  /** The digits lesson's network. */
  digits: {
    request: { split: DigitSplit; settings: DigitSettings };
    progress: EpochLog;
    result: DigitOutcome;
  };
}

export type RunKind = keyof Runs;

/** A request that starts a run of kind `K`. */
export type RunRequest<K extends RunKind = RunKind> = { [P in K]: { type: P; id: number } & Runs[P]['request'] }[K];

/** Every message to the worker. */
export type ComputeRequest = RunRequest | { type: 'cancel'; id: number };

/** Every message from the worker about a run of kind `K`. */
export type ComputeReply<K extends RunKind = RunKind> = {
  [P in K]:
    | { type: 'backend'; id: number; status: BackendStatus }
    | { type: 'progress'; id: number; progress: Runs[P]['progress'] }
    | { type: 'done'; id: number; result: Runs[P]['result'] }
    | { type: 'failed'; id: number; failure: CodedFailure };
}[K];

/** Sends a reply about a run of kind `K` to the page, with the buffers it transfers. */
export type PostReply<K extends RunKind> = (reply: ComputeReply<K>, transfer?: Transferable[]) => void;
