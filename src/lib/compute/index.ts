/**
 * TensorFlow.js started on the wasm backend, the one worker that trains for the Train page and
 * the Learn pages, and the one client and message protocol the pages talk to it with.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './backend';
export * from './compute-client';
export * from './failure';
export * from './messages';
