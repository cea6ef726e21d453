import { lighthouseScores } from './lighthouse';
import { precacheBytes } from './precache';
import { firstLoadGzip } from './shell-first-load';
import { offlineReloadInteractive } from './shell-offline-reload';
import type { Benchmark } from './types';

/** Every benchmark `npm run bench` runs, in this order. A new one: a file of its own, listed here. */
export const benchmarks: Benchmark[] = [precacheBytes, firstLoadGzip, offlineReloadInteractive, lighthouseScores];
