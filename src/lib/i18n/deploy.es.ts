import type { deployEn } from './deploy.en';

/** Spanish text of deploying a model to a microcontroller; part of the `es` catalog. */
export const deployEs: Record<keyof typeof deployEn, string> = {};
