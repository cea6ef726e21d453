/**
 * Pure functions from samples to numbers: resampling, windows, features (spectrum, vertical and rhythm
 * groups by default), the FFT and standardisation.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './augment';
export * from './channel-stats';
export * from './features';
export * from './fft';
export * from './magnitude';
export * from './rate';
export * from './resample';
export * from './rhythm';
export * from './spectrum';
export * from './standardize';
export * from './windows';
