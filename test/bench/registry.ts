import { classSize } from './class-size';
import { cnnInferencePerWindow } from './cnn-inference-per-window';
import { dataListFilter } from './data-list-filter';
import { deployFootprint } from './deploy-footprint';
import { importSisfall } from './import-sisfall';
import { learnDigitsStep } from './learn-digits-step';
import { learnDrawFirstPrediction } from './learn-draw-first-prediction';
import { lighthouseScores } from './lighthouse';
import { liveInferencePerWindow } from './live-inference-per-window';
import { liveLatency } from './live-latency';
import { liveMemoryGrowth } from './live-memory-growth';
import { livePageLatency } from './live-page-latency';
import { plotFrameTime } from './plot-frame-time';
import { precacheBytes } from './precache';
import { recordKeptReadings } from './record-kept-readings';
import { firstLoadGzip } from './shell-first-load';
import { offlineReloadInteractive } from './shell-offline-reload';
import { storeBytesPerSample } from './store-bytes-per-sample';
import { storeWriteThroughput } from './store-write-throughput';
import { trainClickToModel } from './train-click-to-model';
import { trainSearchSisfall } from './train-search-sisfall';
import { trainSisfallClick } from './train-sisfall-click';
import { trainSisfallCv } from './train-sisfall-cv';
import { trainSisfallCvBrowser } from './train-sisfall-cv-browser';
import { trainSisfallSplit } from './train-sisfall-split';
import { trainSisfallSplitBrowser } from './train-sisfall-split-browser';
import type { Benchmark } from './types';

/** Every benchmark `npm run bench` runs, in this order. A new one: a file of its own, listed here. */
export const benchmarks: Benchmark[] = [
  precacheBytes,
  firstLoadGzip,
  offlineReloadInteractive,
  lighthouseScores,
  storeWriteThroughput,
  storeBytesPerSample,
  plotFrameTime,
  recordKeptReadings,
  importSisfall,
  trainClickToModel,
  trainSisfallSplit,
  trainSisfallSplitBrowser,
  trainSisfallCv,
  trainSisfallCvBrowser,
  trainSisfallClick,
  trainSearchSisfall,
  liveLatency,
  livePageLatency,
  liveInferencePerWindow,
  cnnInferencePerWindow,
  liveMemoryGrowth,
  deployFootprint,
  classSize,
  dataListFilter,
  learnDigitsStep,
  learnDrawFirstPrediction,
];
