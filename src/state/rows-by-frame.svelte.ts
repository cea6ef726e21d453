import { untrack } from 'svelte';
import { nextRows } from './next-rows';

/** Asks for `run` at the next frame; returns what cancels it. */
export type NextFrame = (run: () => void) => () => void;

const animationFrame: NextFrame = (run) => {
  const frame = requestAnimationFrame(run);
  return () => cancelAnimationFrame(frame);
};

/**
 * A long list's rows, admitted a batch a frame: the rows already shown stay, and at most `batch`
 * new ones join at each frame, in the list's order. A cheap phone takes about 2 ms a row to
 * create, lay out and paint a Data list's 120 recordings: all at once they freeze the page for
 * over 200 ms, a batch a frame never does. A list that changes (a refresh, a filter) keeps the
 * rows it has, so a row being edited is never taken down and rebuilt. Make one while a
 * component initialises: it follows `all` for as long as the component lives.
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

  constructor(all: () => readonly T[], key: (row: T) => string, { batch = 50, nextFrame = animationFrame }: { batch?: number; nextFrame?: NextFrame } = {}) {
    $effect(() => {
      void this.#frames;
      const list = all();
      const admitted = nextRows(list, untrack(() => this.shown), key, batch);
      this.shown = admitted;
      if (admitted.length < list.length) return nextFrame(() => (this.#frames += 1));
    });
  }
}
