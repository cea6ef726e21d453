import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { RowsByFrame, type NextFrame } from './rows-by-frame.svelte';

/** Frames that come when the test says. */
function manualFrames() {
  let waiting: (() => void) | undefined;
  const nextFrame: NextFrame = (run) => {
    waiting = run;
    return () => (waiting = undefined);
  };
  return {
    nextFrame,
    pending: () => waiting !== undefined,
    pass() {
      const run = waiting;
      waiting = undefined;
      run?.();
      flushSync();
    },
  };
}

/** A RowsByFrame following a list the test changes with `set`, its frames passed by hand, admitting `batch` rows a frame. */
function following(start: string[], batch: number) {
  const frames = manualFrames();
  let list = $state(start);
  let rows: RowsByFrame<string> | undefined;
  const stop = $effect.root(() => {
    rows = new RowsByFrame(() => list, (row) => row, { pace: { first: batch, most: batch, budgetMs: 50 }, nextFrame: frames.nextFrame });
  });
  flushSync();
  return {
    frames,
    stop,
    shown: () => rows!.shown,
    set(next: string[]) {
      list = next;
      flushSync();
    },
  };
}

describe('RowsByFrame', () => {
  const names = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `r${from + i}`);

  it('shows a long list a batch a frame, in its order, and asks for no frame once all are shown', () => {
    const { frames, stop, shown, set } = following(names(7), 3);
    expect(shown()).toEqual(['r0', 'r1', 'r2']);
    frames.pass();
    expect(shown()).toEqual(names(6));
    frames.pass();
    expect(shown()).toEqual(names(7));
    expect(frames.pending()).toBe(false);
    // A short list shows whole at once.
    set(names(2));
    expect(shown()).toEqual(names(2));
    expect(frames.pending()).toBe(false);
    stop();
  });

  it('keeps the rows it shows when the list changes, and admits the new ones a batch a frame', () => {
    const { frames, stop, shown, set } = following(names(4), 4);
    expect(shown()).toEqual(names(4));
    // A cleared filter brings back many rows at once: those shown stay, four more join per frame.
    const widened = [...names(6, 10), ...names(4), ...names(6, 20)];
    set(widened);
    expect(shown()).toEqual([...names(4, 10), ...names(4)]);
    frames.pass();
    expect(shown()).toEqual([...names(6, 10), ...names(4), ...names(2, 20)]);
    frames.pass();
    expect(shown()).toEqual(widened);
    expect(frames.pending()).toBe(false);
    stop();
  });

  it('sizes each batch from what the previous one took, within its first and largest', () => {
    const frames = manualFrames();
    let clockMs = 0;
    let rows: RowsByFrame<string> | undefined;
    const stop = $effect.root(() => {
      rows = new RowsByFrame(() => names(100), (row) => row, { pace: { first: 4, most: 20, budgetMs: 50 }, nextFrame: frames.nextFrame, now: () => clockMs });
    });
    flushSync();
    const batches = [rows!.shown.length];
    // 2 ms a row for the first batches, then 25 ms a row (the phone got busy).
    for (const msPerRow of [2, 2, 2, 25, 25]) {
      clockMs += msPerRow * batches.at(-1)!;
      const before = rows!.shown.length;
      frames.pass();
      batches.push(rows!.shown.length - before);
    }
    expect(batches).toEqual([4, 8, 16, 20, 4, 4]);
    stop();
  });

  it('stops asking for frames when its owner goes', () => {
    const { frames, stop } = following(names(10), 3);
    expect(frames.pending()).toBe(true);
    stop();
    expect(frames.pending()).toBe(false);
  });
});
