import type { resultsEn } from './results.en';

/** Spanish text of the Train page's results kept with each model and training that explains itself; part of the `es` catalog. */
export const resultsEs: Record<keyof typeof resultsEn, string> = {};
