/**
 * IndexedDB behind one `MotionStore`: recordings (and a running recording's `appendSamples`),
 * labels, models and digit sets. The schema, the migrations and the chunk format are its own; no
 * other folder holds a database handle.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './bulk-edits';
export * from './digit-set';
export * from './digit-sets';
export * from './labels';
export * from './models';
export * from './motion-store';
export * from './persistence';
export * from './recording';
export * from './recordings';
