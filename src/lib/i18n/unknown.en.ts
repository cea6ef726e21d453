/** English text of the honest “unknown”: a score for motion unlike anything trained; part of the `en` catalog. */
export const unknownEn = {};
