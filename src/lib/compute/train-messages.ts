import type { BackendStatus } from './backend';
import type { FeatureConfig } from '../signal/features';
import type { ModelArtifacts, ModelMetrics, Preprocessing, TrainedOn, TrainingSettings } from '../model/record';
import type { LabelledRecording } from '../train/activity-dataset';
import type { EpochLog } from '../train/fit';
import type { Diagnosis, RecordingResult } from '../train/metrics';
import type { SplitSummary } from '../train/split';
import type { TrainingStage } from '../train/train-activity';

/** Messages to the training worker. */
export type TrainRequest =
  | { type: 'train'; id: number; recordings: LabelledRecording[]; features: FeatureConfig; training: TrainingSettings }
  | { type: 'cancel'; id: number };

/** What a finished run sends back: everything but the live network, which stays in the worker. */
export interface TrainOutcome {
  artifacts: ModelArtifacts;
  preprocessing: Preprocessing;
  metrics: ModelMetrics;
  split: SplitSummary;
  trainedOn: TrainedOn;
  windows: { train: number; validation: number; test: number };
  history: EpochLog[];
  stopped: 'completed' | 'early' | 'cancelled';
  testRecordings: RecordingResult[];
  diagnosis: Diagnosis;
  tooShort: string[];
  nonFiniteSamples: number;
}

/** Messages from the training worker; `id` names the request they answer. */
export type TrainReply =
  | { type: 'backend'; id: number; status: BackendStatus }
  | { type: 'stage'; id: number; stage: TrainingStage }
  | { type: 'epoch'; id: number; log: EpochLog }
  | { type: 'done'; id: number; outcome: TrainOutcome }
  | { type: 'failed'; id: number; error: { name: string; message: string; hint?: string } };
