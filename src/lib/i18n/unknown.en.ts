/** English text of the honest “unknown”: a score for motion unlike anything trained; part of the `en` catalog. */
export const unknownEn = {
  'unknown.reason.unfamiliar': 'Unlike anything it was trained on',
  'unknown.reason.unsure': 'Not sure: no activity reaches the threshold',
};
