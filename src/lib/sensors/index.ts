/**
 * Motion sources: the phone's sensors, the Bluetooth profiles, the serial forwarder and the replay
 * of a stored recording; the sample batches and events they deliver, and their coded failures.
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './ble-own-protocol';
export * from './forwarder';
export * from './phone';
export * from './phone-missed-readings';
export * from './replay';
export * from './samples';
export * from './serial-defaults';
export * from './source';
export * from './web-bluetooth';
export * from './web-serial';
