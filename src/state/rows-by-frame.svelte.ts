import { untrack } from 'svelte';
import { nextBatchSize, nextRows, type BatchPace } from './next-rows';

/** Asks for `run` at the next frame; returns what cancels it. */
export type NextFrame = (run: () => void) => () => void;

const animationFrame: NextFrame = (run) => {
  const frame = requestAnimationFrame(run);
  return () => cancelAnimationFrame(frame);
};

/** A Data list's pace: a cheap phone takes about 2 ms a row at full speed, 12 ms slowed 6×. */
const listPace: BatchPace = { first: 4, most: 50, budgetMs: 50 };

/**
 * A long list's rows, admitted a batch a frame: the rows already shown stay, and a batch of new
 * ones joins at each frame, in the list's order. All at once, a class's 120 recordings freeze a
 * cheap phone for well over 200 ms; a fixed batch is either too slow on a fast machine or too
 * long a frame on a slow one, so each batch is sized from what the previous one took, from its
 * admission to the next frame (made, laid out and painted): see `nextBatchSize`. A list that
 * changes (a refresh, a filter) keeps the rows it has, so a row being edited is never taken
 * down and rebuilt. Make one while a component initialises: it follows `all` for as long as the
 * component lives.
 *
 * @example
 * const rows = new RowsByFrame(() => dataList.shown, (recording) => recording.id);
 * // {#each rows.shown as recording (recording.id)}
 */
export class RowsByFrame<T> {
  /** The rows to render now. */
  shown = $state.raw<T[]>([]);
  /** Frames passed since the list last had rows waiting: each admits another batch. */
  #frames = $state(0);
  #batch: number;
  /** When the last batch was admitted. */
  #admittedAtMs = 0;

  constructor(
    all: () => readonly T[],
    key: (row: T) => string,
    { pace = listPace, nextFrame = animationFrame, now = () => performance.now() }: { pace?: BatchPace; nextFrame?: NextFrame; now?: () => number } = {},
  ) {
    this.#batch = pace.first;
    $effect(() => {
      void this.#frames;
      const list = all();
      const admitted = nextRows(list, untrack(() => this.shown), key, this.#batch);
      this.shown = admitted;
      if (admitted.length === list.length) return;
      // Rows still wait, so the batch was admitted whole.
      this.#admittedAtMs = now();
      return nextFrame(() => {
        this.#batch = nextBatchSize(this.#batch, now() - this.#admittedAtMs, pace);
        this.#frames += 1;
      });
    });
  }
}
