import type { Line } from './regression';

export interface NeuronOptions {
  epochs: number;
  learningRate: number;
  /** Seeds the starting weight, so a run can be repeated. */
  seed: number;
  /** Called after every epoch with its loss; a run reports every epoch, the page draws the curve. */
  onEpoch?: (epoch: number, loss: number) => void;
  signal?: AbortSignal;
}

export interface NeuronResult extends Line {
  /** Loss after each epoch. */
  losses: number[];
  /** The trained neuron's answer for x = 10, as the lesson prints `model.predict([10.0])`. */
  predictTen: number;
}

/** The lesson's run: 500 epochs of plain SGD at Keras's default learning rate of 0.01. */
export const lessonNeuron = { epochs: 500, learningRate: 0.01, seed: 1 } as const;

/** The TypeScript of one-neuron-tfjs.ts, as the page shows it beside the lesson's Keras code. */
export const oneNeuronSource = `const layer = tf.layers.dense({ units: 1, inputShape: [1] });
const model = tf.sequential({ layers: [layer] });
model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });

const xs = tf.tensor2d([-1, 0, 1, 2, 3, 4], [6, 1]);
const ys = tf.tensor2d([-3, -1, 1, 3, 5, 7], [6, 1]);
await model.fit(xs, ys, { epochs: 500 });

model.predict(tf.tensor2d([10], [1, 1])).print();`;

/** The lesson's Keras code, for comparison. */
export const oneNeuronKeras = `my_layer = keras.layers.Dense(units=1, input_shape=[1])
model = tf.keras.Sequential([my_layer])
model.compile(optimizer='sgd', loss='mean_squared_error')

xs = np.array([-1.0, 0.0, 1.0, 2.0, 3.0, 4.0], dtype=float)
ys = np.array([-3.0, -1.0, 1.0, 3.0, 5.0, 7.0], dtype=float)
model.fit(xs, ys, epochs=500)

print(model.predict([10.0]))`;
