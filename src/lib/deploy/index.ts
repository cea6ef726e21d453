/**
 * A trained model for a microcontroller: the C library (float32 and int8, calibrated on the
 * model's own training recordings), the Arduino sketch, and the zip, with refusals worded in both
 * languages.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './calibration';
export * from './deploy-bundle';
export * from './deploy-error';
export * from './export-from-store';
