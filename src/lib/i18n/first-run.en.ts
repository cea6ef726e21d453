/** English text of the guided first run and the accessibility of the shell and lessons; part of the `en` catalog. */
export const firstRunEn = {
  'guide.open': 'Guide',
  'guide.title': 'Your first model, in four steps',
  'guide.skip': 'Skip the guide',
  'guide.close': 'Close the guide',
  'guide.steps': 'Steps',
  'guide.stepDone': '(done)',
  'guide.step.examples': 'Examples',
  'guide.step.train': 'Train',
  'guide.step.compare': 'Compare',
  'guide.step.live': 'Live',
  'guide.why.examples':
    'A network learns from labelled examples, not from rules someone wrote: windows of motion, each named with its activity. The more people recorded, the better it does on someone new.',
  'guide.do.examples': 'Load the demo examples here (no sensor needed), or record your own on {record}.',
  'guide.loadDemo': 'Load the demo examples',
  'guide.synthetic':
    'The demo is synthetic: recordings of made-up people walking, running, climbing stairs and swinging a golf club, made by the app’s own code, not by real people.',
  'guide.why.train':
    'Training adjusts the network’s weights, epoch by epoch, until its guesses match the labels. Some people are kept aside, so the test score is on people it never saw.',
  'guide.do.train': 'Open {train} in the tabs and press {start}. It takes about a minute.',
  'guide.why.compare':
    'The results put the network beside the rules: thresholds on a speed worked out from the step cadence, written by hand as in the lesson. Where the rules mix motions up, the network learned the difference from examples.',
  'guide.do.compare': 'On {train}, read the {test} column: the network’s accuracy, then the rules’. The confusion table shows which motions each one confuses.',
  'guide.compared': 'I have compared them',
  'guide.why.live': 'A model is only useful on motion it has not seen yet. Replaying a stored recording feeds it window by window, as a sensor would.',
  'guide.do.live': 'Open {live}, choose “{replay}”, pick a demo recording (each name ends with its person, such as Ana) and press {start}.',
  'guide.finished':
    'You trained a network from examples and watched it beside the rules. Next: record your own motions on {record}, or see how one neuron learns on {learn}.',
  'guide.demoDone': 'Demo loaded: {added} of {total} recordings added.',
  'learn.digits.guessed': 'guess: {guess}',
};
