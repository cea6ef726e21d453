/** English text of the Train page's results kept with each model and training that explains itself; part of the `en` catalog. */
export const resultsEn = {
  'results.notKept': 'This model was saved before results were kept with models: its curves, macro-F1 and the recordings it got wrong were not kept. Its scores follow.',
  'results.of': 'Results of “{name}”',
  'results.stop.early': 'Stopped at epoch {epoch}: the validation loss stopped improving after epoch {kept}; kept epoch {kept}’s weights.',
  'results.stop.completed': 'Ran all {epoch} epochs; kept epoch {kept}’s weights, those with the lowest validation loss.',
  'results.stop.cancelled': 'Cancelled at epoch {epoch}; kept epoch {kept}’s weights, those with the lowest validation loss so far. A cancelled run is not saved.',
  'results.watching': 'Lowest validation loss so far: epoch {kept}. Training stops early after {patience} epochs in a row without improvement ({since} so far).',
  'results.axis.epoch': 'Epoch',
  'results.axis.loss': 'Loss',
  'results.axis.accuracy': 'Accuracy',
  'results.kept': 'kept',
  'results.predicted': 'Predicted →',
  'results.wrong': '{name}: is {truth}, it said {predicted}; {wrong} of its {windows} test windows wrong.',
  'results.noneWrong': 'None: most windows of every test recording were labelled right.',
  'results.rulesSpeed':
    'Rules (speed): the lesson’s rule, walking under {walking} km/h, running under {running} km/h, biking above, on a speed from GPS when the recording has it, otherwise from the step cadence: steps per second (the strongest rhythm of the acceleration) × {stepM} m per step.',
  'results.caution.noPeople': 'No recording says who recorded it, so the split is by recording: one person’s walk can be in training and in the test, and the test score will be optimistic.',
  'results.caution.peopleUnknown': '{unknown} of {recordings} recordings do not say who recorded them: each may land on the test side while the same person’s other recordings trained the network, so the test score will be optimistic.',
  'results.caution.fix': 'To fix it, set who recorded each one on the Data page.',
  'results.folds': 'Found by the setup search and trained on every recording: it has no test side of its own. Its score is the search’s cross-validation by person, fold by fold:',
} satisfies Record<string, string>;
