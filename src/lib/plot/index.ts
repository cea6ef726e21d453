/**
 * The live plot: its rolling window of samples, and its drawing, in a worker where the browser allows.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './rolling-window';
export * from './trace-drawing';
export * from './live-plot';
