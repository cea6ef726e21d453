/**
 * Bench page for live classification: a model trained here on the synthetic recordings (with
 * trainActivityModel on this page's thread, the code the training worker runs), then the real
 * LiveClassifier fed a replayed 100 Hz stream in the sources' 10-sample batches.
 */
import * as tf from '@tensorflow/tfjs';
import { denseNetworkFrom, forward } from '../../../src/lib/model/dense/network';
import { defaultLiveOptions, LiveClassifier } from '../../../src/lib/classify/live-classifier';
import { startBrowserBackend } from '../../../src/lib/compute/backend.browser';
import { modelArtifacts } from '../../../src/lib/train/model-artifacts';
import { trainActivityModel } from '../../../src/lib/train/train-activity';
import { defaultTrainingSettings } from '../../../src/lib/train/training-settings';
import type { MotionSamples } from '../../../src/lib/sensors/samples';
import { defaultFeatureConfig } from '../../../src/lib/signal/features';
import type { MotionWindow } from '../../../src/lib/signal/windows';
import { networkInputs } from '../../../src/lib/model/inputs';
import type { ModelArtifacts, Preprocessing, UnknownStats } from '../../../src/lib/model/record';
import { expose } from './expose';
import { BATCH_SAMPLES, STREAM_RATE_HZ, syntheticDataset, syntheticStream, tenMinutesOfRecordings } from '../../../src/lib/demo/synthetic-motion';

interface Prepared {
  model: tf.LayersModel;
  artifacts: ModelArtifacts;
  preprocessing: Preprocessing;
  /** The unknown score's statistics, which the Live page passes to its classifier too: scoring every window is part of its cost. */
  unknown: UnknownStats;
  stream: MotionSamples;
}

let prepared: Prepared | undefined;

export interface PreparedSummary {
  backend: string;
  labels: string[];
  testAccuracy: number;
  streamSamples: number;
}

/** Trains the model on 10 minutes of synthetic recordings and replays `streamS` of an unseen person. */
async function prepare(streamS: number): Promise<PreparedSummary> {
  const status = await startBrowserBackend();
  const trained = await trainActivityModel(syntheticDataset(tenMinutesOfRecordings), {
    features: { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] },
    training: { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] },
  });
  prepared?.model.dispose();
  prepared = {
    model: trained.model,
    artifacts: await modelArtifacts(trained.model),
    preprocessing: trained.preprocessing,
    unknown: trained.unknown,
    stream: syntheticStream(streamS, STREAM_RATE_HZ, 11),
  };
  return {
    backend: `${status.backend}${status.simd ? ' (simd)' : ''}`,
    labels: trained.preprocessing.labels,
    testAccuracy: trained.metrics.test.accuracy,
    streamSamples: prepared.stream.t.length,
  };
}

function ready(): Prepared {
  if (!prepared) throw new Error('call prepare() first');
  return prepared;
}

/** The next batch of the replayed stream, as a new batch like the SampleBatcher's. */
function batchAt(stream: MotionSamples, from: number): MotionSamples {
  const to = Math.min(from + BATCH_SAMPLES, stream.t.length);
  return { t: stream.t.slice(from, to), acc: stream.acc.slice(from * 3, to * 3), gyro: null };
}

export interface PushTimes {
  /** ms from each `push` call to its predictions, for the pushes that completed a window. */
  labelledMs: number[];
  /** The same for every other push (no window completed). */
  otherMs: number[];
  /** Predictions the classifier made; fewer than the windows when a window had a gap. */
  predictions: number;
  /** Predictions that named a label rather than unknown (below the threshold after smoothing). */
  confident: number;
}

/** Feeds the whole stream through a new LiveClassifier as fast as it goes, timing every push. */
function pushLatency(): PushTimes {
  const { artifacts, preprocessing, unknown, stream } = ready();
  const classifier = new LiveClassifier(preprocessing, artifacts, defaultLiveOptions, unknown);
  const times: PushTimes = { labelledMs: [], otherMs: [], predictions: 0, confident: 0 };
  for (let from = 0; from < stream.t.length; from += BATCH_SAMPLES) {
    const batch = batchAt(stream, from);
    const started = performance.now();
    const predictions = classifier.push(batch, started);
    const ms = performance.now() - started;
    (predictions.length > 0 ? times.labelledMs : times.otherMs).push(ms);
    times.predictions += predictions.length;
    times.confident += predictions.filter(({ label }) => label >= 0).length;
  }
  return times;
}

export interface InferenceTimes {
  windows: number;
  /** Mean ms per window: features, standardisation, the app's plain-TypeScript forward pass. */
  appMs: number;
  /** Mean ms per window of the features and standardisation alone. */
  featuresMs: number;
  /** Mean ms per window: features, standardisation, tfjs `model.predict` on one row (read back, disposed). */
  tfjsMs: number;
  /** Largest difference between the two networks' probabilities. */
  maxDifference: number;
  tensorsLeft: number;
}

/**
 * The network part of a live prediction, per window, over `count` windows of the stream (cycled
 * when it has fewer): features, standardisation with the training statistics, forward pass,
 * as LiveClassifier does it; then the same with tfjs `model.predict` as the forward pass.
 */
function inferencePerWindow(count: number): InferenceTimes {
  const { model, artifacts, preprocessing, stream } = ready();
  const { features, labels } = preprocessing;
  const { windows } = networkInputs({ features }, stream);
  const network = denseNetworkFrom(artifacts);
  const scaled = new Float32Array(preprocessing.featureNames.length);
  const probabilities = new Float32Array(labels.length);
  const windowAt = (i: number) => (windows[i % windows.length] as MotionWindow).acc;
  const tensorsBefore = tf.memory().numTensors;

  const time = (step: (acc: Float32Array) => void) => {
    const started = performance.now();
    for (let i = 0; i < count; i += 1) step(windowAt(i));
    return (performance.now() - started) / count;
  };
  const featuresMs = time((acc) => networkInputs(preprocessing, acc, scaled));
  const appMs = time((acc) => forward(network, networkInputs(preprocessing, acc, scaled), probabilities));
  let maxDifference = 0;
  const tfjsMs = time((acc) => {
    networkInputs(preprocessing, acc, scaled);
    const output = tf.tidy(() => model.predict(tf.tensor2d(scaled, [1, scaled.length])) as tf.Tensor);
    const values = output.dataSync();
    output.dispose();
    forward(network, scaled, probabilities);
    values.forEach((value, i) => (maxDifference = Math.max(maxDifference, Math.abs(value - (probabilities[i] ?? 0)))));
  });
  return { windows: count, appMs, featuresMs, tfjsMs, maxDifference, tensorsLeft: tf.memory().numTensors - tensorsBefore };
}

let growth: { classifier: LiveClassifier; from: number } | undefined;

/** A new LiveClassifier for `feedUntil`, at the start of the stream. */
function startFeed(): void {
  const { artifacts, preprocessing, unknown } = ready();
  growth = { classifier: new LiveClassifier(preprocessing, artifacts, defaultLiveOptions, unknown), from: 0 };
}

/** Feeds the stream on, as fast as it goes, up to `untilS` seconds of stream time; returns the predictions made. */
function feedUntil(untilS: number): number {
  const { stream } = ready();
  if (!growth) throw new Error('call startFeed() first');
  const firstMs = stream.t[0] ?? 0;
  let predictions = 0;
  while (growth.from < stream.t.length && (stream.t[growth.from] ?? 0) - firstMs < untilS * 1000) {
    predictions += growth.classifier.push(batchAt(stream, growth.from)).length;
    growth.from += BATCH_SAMPLES;
  }
  return predictions;
}

function numTensors(): number {
  return tf.memory().numTensors;
}

/**
 * Chromium's `performance.memory.usedJSHeapSize`, read once its cached value has expired: it
 * is refreshed at most every 50 ms, so a reading right after a garbage collection would give
 * the heap from before it.
 */
async function usedJSHeapSize(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) throw new Error('this browser has no performance.memory');
  return memory.usedJSHeapSize;
}

const api = { prepare, pushLatency, inferencePerWindow, startFeed, feedUntil, numTensors, usedJSHeapSize };
export type LiveBench = typeof api;
expose(api);
