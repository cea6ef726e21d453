/**
 * Standardisation: each feature shifted and scaled to mean 0 and standard deviation 1.
 *
 * Features come in very different units: a mean near 9.8 m/s², a band power near 0.01 (m/s²)², a
 * cadence near 2 Hz. Gradient descent takes steps of one size for every weight, so unscaled, the
 * large features dominate the first epochs and the small ones are learnt last, or not at all.
 *
 * The statistics come from the training rows only. Computed over all rows, they would carry a
 * little of the validation and test data into training, and the scores on those would no longer
 * be those of data the model has never seen.
 */

/** Per-feature mean and standard deviation, plain arrays so they save as JSON with the model. */
export interface FeatureStats {
  mean: number[];
  std: number[];
}

/**
 * Mean and (population) standard deviation of each column of `rows` (row after row,
 * `width` values each), in double precision.
 *
 * @example
 * const stats = fitStandardization(trainRows, names.length);
 * standardize(trainRows, stats);
 * standardize(testRows, stats); // the training statistics, never the test's own
 */
export function fitStandardization(rows: Float32Array, width: number): FeatureStats {
  const count = rowCount(rows, width);
  if (count === 0) throw new RangeError('fitStandardization: no training rows to compute the statistics from');
  const sum = new Float64Array(width);
  for (let i = 0; i < rows.length; i += 1) sum[i % width] = sum[i % width]! + rows[i]!;
  const mean = Array.from(sum, (total) => total / count);
  const deviations = new Float64Array(width);
  for (let i = 0; i < rows.length; i += 1) {
    const d = rows[i]! - mean[i % width]!;
    deviations[i % width] = deviations[i % width]! + d * d;
  }
  return { mean, std: Array.from(deviations, (total) => Math.sqrt(total / count)) };
}

/**
 * Standardises `rows` with training statistics: (value − mean) / std, into `out` (in place by
 * default). A feature with std 0 was constant in training, so it told the model nothing; it is
 * only centred (divided by 1), which keeps it finite and 0 for data like the training data.
 * Allocates nothing.
 *
 * @example
 * const live = standardize(row, model.stats, new Float32Array(row.length));
 */
export function standardize(rows: Float32Array, stats: FeatureStats, out: Float32Array = rows): Float32Array {
  const width = stats.mean.length;
  if (stats.std.length !== width) throw new RangeError(`standardize: ${width} means but ${stats.std.length} standard deviations`);
  rowCount(rows, width);
  if (out.length !== rows.length) throw new RangeError(`standardize: ${rows.length} values into an output of ${out.length}`);
  // Row by row, the scale of each column taken again for each row rather than kept in an array:
  // Live standardises one row every stride, and allocates nothing for it.
  for (let row = 0; row < rows.length; row += width) {
    for (let i = 0; i < width; i += 1) {
      const std = stats.std[i]!;
      out[row + i] = (rows[row + i]! - stats.mean[i]!) * (std > 0 ? 1 / std : 1);
    }
  }
  return out;
}

function rowCount(rows: Float32Array, width: number): number {
  if (!(width > 0) || rows.length % width !== 0) throw new RangeError(`${rows.length} values do not make rows of ${width}`);
  return rows.length / width;
}
