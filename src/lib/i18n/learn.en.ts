/** English text of the Learn pages (regression, digits); part of the `en` catalog. */
export const learnEn = {
  'learn.regression.title': 'Matching X to Y',
  'learn.regression.intro':
    'How does a model learn? Make a guess, measure how wrong it is, follow the gradient downhill, then let one neuron find the answer.',
  'learn.digits.title': 'Classifying handwritten digits',
  'learn.digits.intro':
    'A network with one hidden layer of 20 neurons learns to read handwritten digits, and shows how to tell over- from underfitting.',
} as const;
