/** English text of the honest “unknown”: a score for motion unlike anything trained; part of the `en` catalog. */
export const unknownEn = {
  'unknown.reason.unfamiliar': 'Unlike anything it was trained on',
  'unknown.reason.unsure': 'Not sure: no activity reaches the threshold',
  'unknown.setting': 'Say “unknown” for motion unlike anything the model was trained on',
  'unknown.settingHint':
    'From the model’s unknown score, once 2 s in a row are unlike anything it learnt: a short odd moment is not unknown. Trained on only a few people, it can find someone new unlike them too: try it with the person who will use it.',
};
