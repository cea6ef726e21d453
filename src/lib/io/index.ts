/**
 * Files in and out: Edge Impulse CSV and JSON recordings, backups, model files, and importing them
 * into the store, with errors that name the file and the line and say what to do.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './backup';
export * from './csv';
export * from './edge-impulse-json';
export * from './file-name';
export * from './file-text';
export * from './import';
export * from './model-file';
export * from './parse-wire';
export * from './phone-apps';
export * from './recording-file';
export * from './recording-parser';
