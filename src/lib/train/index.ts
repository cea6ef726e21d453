/**
 * The Train page's core: the split by person, the windows of each side, the training loop and
 * early stopping (fit-loop.ts and the lean dense engine, free of TensorFlow.js; fit.ts, the tfjs
 * side), metrics beside the rule baseline, the whole run (`trainActivityModel`),
 * cross-validation by person, the nested search for the best setup, and calibrating a model to
 * one person.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './adam';
export * from './calibrate';
export * from './activity-dataset';
export * from './cross-validation';
export * from './dense-engine';
export * from './fit';
export * from './fit-loop';
export * from './metrics';
export * from './model-artifacts';
export * from './model-results';
export * from './percentiles';
export * from './random';
export * from './search';
export * from './search-setups';
export * from './split';
export * from './split-caution';
export * from './train-activity';
export * from './trained-on';
export * from './training-settings';
export * from './unknown-score';
