/** English text of "Calibrate to me", a model adapted to one person; part of the `en` catalog. */
export const calibrateEn = {
  'train.calibrate.title': 'Calibrate to me',
  'train.calibrate.intro':
    'A model trained on the class can do worse on one person: their stride, their build, their pocket. Record about 30 s of each activity as that person, then adapt the chosen model to them: its last layer learns from their takes, every layer before it stays as the class trained it. Both models are kept.',
  'train.calibrate.person': 'Person',
  'train.calibrate.seconds': 'Seconds of each activity',
  'train.calibrate.start': 'Calibrate to {person}',
  'train.calibrate.noModel': 'Train or choose a model first: calibration adapts the chosen one.',
  'train.calibrate.needPeople': 'Say who recorded each recording (on the Record or Data page) to calibrate to someone.',
  'train.calibrate.working': 'Calibrating…',
  'train.calibrate.kept': 'Kept “{name}” beside “{from}”, calibrated on {windows} windows ({activities}).',
  'train.calibrate.scores': 'On {person}’s other recordings ({windows} windows)',
  'train.calibrate.before': 'As trained',
  'train.calibrate.after': 'Calibrated',
  'train.calibrate.noTest': 'Nothing of {person}’s is left beyond the take to score it on: record more as {person} to see whether it helped.',
  'train.calibrate.modelName': '{model} · calibrated to {person}',
};
