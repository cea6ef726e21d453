/**
 * What a model is: its stored record and preprocessing, `networkInputs` (the one function from
 * samples or a window to the network's inputs, used by training, Live, calibration, the CLI and the
 * C export's checks), the network kinds (their plain-TypeScript side for the pages, their tfjs
 * builders for the worker only), and the fingerprint of the data it learnt from.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './fingerprint';
export * from './inputs';
export * from './network-builders';
export * from './network-kind';
export * from './network-kinds';
export * from './record';
export * from './summary';
export * from './unknown-score';
