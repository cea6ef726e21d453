import type { UnknownStats } from './record';

/**
 * How unlike the trained activities one window is: the squared Mahalanobis distance from its last
 * hidden layer to the nearest activity's mean, with one covariance shared by all (Lee et al.,
 * "A Simple Unified Framework for Detecting Out-of-Distribution Samples", 2018). A network's
 * probabilities are confidently wrong on motion it never saw: softmax only compares the
 * activities it knows, while a window far from every one of them in the layer the probabilities
 * are read from is a window unlike the training data. The C library computes the same
 * (deploy/c-library.ts).
 *
 * @example
 * const score = unknownScore(model.unknown, network.hidden(inputs));
 * if (score > model.unknown.threshold) showUnknown();
 */
export function unknownScore(stats: Pick<UnknownStats, 'means' | 'precision'>, hidden: ArrayLike<number>): number {
  const width = hidden.length;
  const difference = new Float64Array(width);
  let best = Infinity;
  for (const mean of stats.means) {
    for (let i = 0; i < width; i += 1) difference[i] = hidden[i]! - mean[i]!;
    let distance = 0;
    for (let i = 0; i < width; i += 1) {
      let row = 0;
      for (let j = 0; j < width; j += 1) row += stats.precision[i * width + j]! * difference[j]!;
      distance += difference[i]! * row;
    }
    best = Math.min(best, distance);
  }
  return best;
}

/** Whether a window with this score is unknown: above the threshold chosen on validation. */
export function isUnknown(stats: Pick<UnknownStats, 'threshold'>, score: number): boolean {
  return score > stats.threshold;
}
