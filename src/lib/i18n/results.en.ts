/** English text of the Train page's results kept with each model and training that explains itself; part of the `en` catalog. */
export const resultsEn = {};
