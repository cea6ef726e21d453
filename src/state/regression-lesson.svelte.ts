import { lessonNeuron, type NeuronResult } from '../lib/learn/one-neuron';
import { descentStartW, descentStep, descentTrend, isLearningRate, lessonGuess, lessonPoints, parsePoints, scoreGuess, type DescentTrend, type Line, type Point } from '../lib/learn/regression';
import { messageOf } from '../lib/i18n/coded-error';
import { computeClient } from './compute-client';
import { settings } from './settings.svelte';

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

  guess = $state<Line>({ ...lessonGuess });
  readonly score = $derived(scoreGuess(this.points, this.guess));
  /** Fields whose last typing was not a number (an emptied number field binds as null); the guess keeps its last good value. */
  guessInvalid = $state({ w: false, b: false });

  learningRate = $state(0.05);
  /** The learning-rate field's last typing was not a number above 0; the rate keeps its last good value. */
  rateInvalid = $state(false);
  /** The descent's w in the one-parameter view; b stays at the guess's b. */
  descentW = $state(descentStartW);
  descentSteps = $state(0);
  readonly trend = $derived(this.trendOf(this.learningRate));
  /** How the two-parameter descent from the guess behaves at this rate. */
  readonly surfaceTrend = $derived(descentTrend(this.points, this.guess, this.learningRate, 50));
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

  /** How the one-parameter descent from where it stands behaves at a rate: what a preset's label says. */
  trendOf(rate: number): DescentTrend {
    return descentTrend(this.points, { w: this.descentW, b: this.guess.b }, rate, 50, true);
  }

  /** Sets w or b from a typed value; anything but a finite number is kept out and the field marked. */
  setGuess(name: keyof Line, value: number | null | undefined): void {
    const ok = typeof value === 'number' && Number.isFinite(value);
    this.guessInvalid[name] = !ok;
    if (ok) this.guess[name] = value;
  }

  /** Sets the learning rate from a typed value; only a finite number above 0 is taken. */
  setLearningRate(value: number | null | undefined): void {
    this.rateInvalid = !isLearningRate(value);
    if (isLearningRate(value)) this.learningRate = value;
  }

  step(): void {
    this.descentW = descentStep(this.points, { w: this.descentW, b: this.guess.b }, this.learningRate, true).w;
    this.descentSteps += 1;
  }

  resetDescent(w = descentStartW): void {
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
    const run = computeClient.trainNeuron(this.points.slice(), lessonNeuron, (_, loss) => {
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
      this.neuronError = messageOf(error, settings.locale);
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
