/** Adam's settings; tfjs's epsilon is its backend's, 1e-7 on cpu and wasm. */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** tfjs's `tf.train.adam(learningRate)` on the cpu and wasm backends. */
export const tfjsAdam: Omit<AdamSettings, 'learningRate'> = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * One adam step on `param` from its gradient, exactly as tfjs writes it: the moments, bias
 * correction by β^t (`beta1Power`, `beta2Power`: each β raised to the step's number), then the
 * step. The hand-written engines (the digits', the activity network's) share it, so both end on
 * tfjs's weights.
 *
 * @example
 * adamUpdate(kernel, kernelGrad, first, second, { ...tfjsAdam, learningRate: 0.001 }, beta1Power, beta2Power);
 */
export function adamUpdate(
  param: Float32Array,
  grad: Float32Array | Float64Array,
  first: Float32Array,
  second: Float32Array,
  { learningRate, beta1, beta2, epsilon }: AdamSettings,
  beta1Power: number,
  beta2Power: number,
): void {
  const correction1 = 1 - beta1Power;
  const correction2 = 1 - beta2Power;
  for (let i = 0; i < param.length; i += 1) {
    const g = grad[i] as number;
    const m = beta1 * (first[i] as number) + (1 - beta1) * g;
    const v = beta2 * (second[i] as number) + (1 - beta2) * g * g;
    first[i] = m;
    second[i] = v;
    param[i] = (param[i] as number) - (learningRate * (m / correction1)) / (Math.sqrt(v / correction2) + epsilon);
  }
}
