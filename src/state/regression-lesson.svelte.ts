import { lessonNeuron, type NeuronResult } from '../lib/lesson/one-neuron';
import { descentStep, descentTrend, lessonPoints, parsePoints, scoreGuess, type Line, type Point } from '../lib/lesson/regression';
import { lessonClient } from './lesson-worker';

export type NeuronState = 'idle' | 'training' | 'done' | 'failed';

const lessonRows = () => lessonPoints.map(({ x, y }) => ({ x: String(x), y: String(y) }));

/**
 * The regression lesson's state: the points as typed, the guess, the one-parameter descent and
 * the one-neuron run. Everything else (the table, the loss, gradients, paths) is derived.
 */
class RegressionLesson {
  /** The points as typed; `points` holds the last set that read as numbers. */
  rows = $state(lessonRows());
  readonly parsed = $derived(parsePoints(this.rows));
  #lastGood = $state.raw<Point[]>(lessonPoints.slice());
  readonly points = $derived('points' in this.parsed ? this.parsed.points : this.#lastGood);

  guess = $state<Line>({ w: 3, b: -1 });
  readonly score = $derived(scoreGuess(this.points, this.guess));

  learningRate = $state(0.05);
  /** The descent's w in the one-parameter view; b stays at the guess's b. */
  descentW = $state(-1);
  descentSteps = $state(0);
  readonly trend = $derived(descentTrend(this.points, { w: this.descentW, b: this.guess.b }, this.learningRate, 50, true));
  /** Steps taken by the two-parameter view, from the guess. */
  surfaceSteps = $state(30);

  neuronState = $state<NeuronState>('idle');
  neuronLosses = $state.raw<number[]>([]);
  neuronResult = $state.raw<NeuronResult | undefined>();
  neuronError = $state<string | undefined>();
  neuronBackend = $state<string | undefined>();
  #cancelNeuron: (() => void) | undefined;

  constructor() {
    $effect.root(() => {
      $effect(() => {
        if ('points' in this.parsed) this.#lastGood = this.parsed.points;
      });
    });
  }

  addPoint(): void {
    const last = this.points[this.points.length - 1] ?? { x: 0, y: 0 };
    this.rows.push({ x: String(last.x + 1), y: String(2 * (last.x + 1) - 1) });
  }

  removePoint(index: number): void {
    this.rows.splice(index, 1);
  }

  resetPoints(): void {
    this.rows = lessonRows();
  }

  step(): void {
    this.descentW = descentStep(this.points, { w: this.descentW, b: this.guess.b }, this.learningRate, true).w;
    this.descentSteps += 1;
  }

  resetDescent(w = -1): void {
    this.descentW = w;
    this.descentSteps = 0;
  }

  async trainNeuron(): Promise<void> {
    if (this.neuronState === 'training') return;
    this.neuronState = 'training';
    this.neuronLosses = [];
    this.neuronResult = undefined;
    this.neuronError = undefined;
    const losses: number[] = [];
    let frame = 0;
    const run = lessonClient.trainNeuron(this.points.slice(), lessonNeuron, (_, loss) => {
      losses.push(loss);
      // One redraw per animation frame, however fast the epochs come.
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        this.neuronLosses = losses.slice();
      });
    });
    this.#cancelNeuron = run.cancel;
    void run.backend.then((status) => (this.neuronBackend = `${status.backend}${status.simd ? ' (SIMD)' : ''}`));
    try {
      this.neuronResult = await run.done;
      this.neuronLosses = losses.slice();
      this.neuronState = 'done';
    } catch (error) {
      this.neuronError = error instanceof Error ? error.message : String(error);
      this.neuronState = 'failed';
    } finally {
      this.#cancelNeuron = undefined;
    }
  }

  cancelNeuron(): void {
    this.#cancelNeuron?.();
  }
}

export const regressionLesson = new RegressionLesson();
