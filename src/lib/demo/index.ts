/**
 * Motion the project's own code makes: people walking, running, climbing stairs, swinging a golf
 * club, biking, plausible in cadence and gravity, for the demo dataset, the tests and the
 * benchmarks (real recordings may not be shipped with the app).
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts).
 */
export * from './synthetic-motion';
export * from './demo-dataset';
