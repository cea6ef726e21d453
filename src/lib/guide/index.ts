/**
 * The guided first run's steps and which one a student is on, from what they have.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts).
 */
export * from './first-run';
