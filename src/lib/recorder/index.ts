/**
 * A motion source into the store: a recording saved at least every second, with its gaps and
 * GPS fixes, recoverable if the tab dies.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './device-aids';
export * from './people';
export * from './recorder';
export * from './redraw-pace';
export * from './stall';
