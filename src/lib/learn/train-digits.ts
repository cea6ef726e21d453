import { nextTask, type EpochLog } from '../train/fit';
import { mulberry32, shuffle } from '../train/random';
import { defaultAdam, DigitNetwork, initialWeights, scoreProbabilities, sparseImages } from './digit-network';
import { finalScores, type DigitOutcome, type DigitProgress, type DigitSettings } from './digit-settings';
import { sliceImages, type DigitSplit } from './shipped-digits';


/** Trains the lesson's network on a split with the engine the settings name. */
export async function trainDigits(split: DigitSplit, settings: DigitSettings, progress: DigitProgress = {}): Promise<DigitOutcome> {
  const trainImages = sliceImages(split.train, 0, Math.min(settings.trainRows ?? split.train.count, split.train.count));
  if (settings.engine === 'tfjs') {
    const { trainDigitsTfjs } = await import('./train-digits-tfjs');
    return trainDigitsTfjs({ ...split, train: trainImages }, settings, progress);
  }
  return trainDigitsSparse({ ...split, train: trainImages }, settings, progress);
}

/**
 * The hand-written engine, as Keras's `model.fit(…, validation_data=…)` trains: shuffled batches
 * every epoch, the epoch's running training loss and accuracy, validation after every epoch.
 * The data go into sparse rows once; after that a step touches only the numbers it needs, with
 * no per-batch callbacks, awaits or copies.
 */
async function trainDigitsSparse(split: DigitSplit, settings: DigitSettings, progress: DigitProgress): Promise<DigitOutcome> {
  const train = sparseImages(split.train);
  const validation = sparseImages(split.validation);
  const network = new DigitNetwork(initialWeights(train.inputs, settings.hidden, 10, settings.seed), { ...defaultAdam, learningRate: settings.learningRate });
  const random = mulberry32(settings.seed + 1);
  const order = Int32Array.from({ length: train.count }, (_, row) => row);
  const history: EpochLog[] = [];
  let stopped: DigitOutcome['stopped'] = 'completed';
  const started = performance.now();
  for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
    if (progress.signal?.aborted) {
      stopped = 'cancelled';
      break;
    }
    shuffle(order, random);
    let lossSum = 0;
    let correct = 0;
    for (let from = 0; from < train.count; from += settings.batchSize) {
      const to = Math.min(train.count, from + settings.batchSize);
      const step = network.trainBatch(train, order, from, to);
      lossSum += step.loss * (to - from);
      correct += step.correct;
    }
    const validationScore = scoreProbabilities(network.predict(validation), validation.labels, 10);
    const log: EpochLog = {
      epoch,
      loss: lossSum / train.count,
      accuracy: correct / train.count,
      valLoss: validationScore.loss,
      valAccuracy: validationScore.accuracy,
      elapsedMs: performance.now() - started,
    };
    history.push(log);
    progress.onEpoch?.(log);
    await nextTask();
  }
  return finalScores(network.weights, split, { history, stopped, trainMs: performance.now() - started, batchSize: settings.batchSize });
}
