import type { formatsEn } from './formats.en';

/** Spanish text of recordings from other phone apps: phyphox, Sensor Logger, Physics Toolbox, WISDM; part of the `es` catalog. */
export const formatsEs: Record<keyof typeof formatsEn, string> = {};
