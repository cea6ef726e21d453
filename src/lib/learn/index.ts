/**
 * The Learn pages' core: the regression lesson and its one neuron, IDX digit files, the digit
 * network and its training, the drawing pad's image, and the overfitting lab.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './digit-network';
export * from './digit-settings';
export * from './drawing';
export * from './idx';
export * from './one-neuron-tfjs';
export * from './one-neuron';
export * from './opened-digits';
export * from './overfitting-lab';
export * from './regression';
export * from './shipped-digits';
export * from './train-digits';
