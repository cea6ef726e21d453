import type { firstRunEn } from './first-run.en';

/** Spanish text of the guided first run and the accessibility of the shell and lessons; part of the `es` catalog. */
export const firstRunEs: Record<keyof typeof firstRunEn, string> = {};
