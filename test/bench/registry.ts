import { importSisfall } from './import-sisfall';
import { lighthouseScores } from './lighthouse';
import { plotFrameTime } from './plot-frame-time';
import { precacheBytes } from './precache';
import { firstLoadGzip } from './shell-first-load';
import { offlineReloadInteractive } from './shell-offline-reload';
import { storeBytesPerSample } from './store-bytes-per-sample';
import { storeWriteThroughput } from './store-write-throughput';
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
  importSisfall,
];
