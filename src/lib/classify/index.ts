/**
 * Answers for a live stream: the live classifier (the model's own inputs and network on the
 * latest window, smoothed, with "unknown" under a threshold) and the lesson's rule baseline.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './activities';
export * from './live-classifier';
export * from './rules';
