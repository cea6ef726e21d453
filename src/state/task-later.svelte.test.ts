import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';
import { TaskLater } from './task-later.svelte';

describe('TaskLater', () => {
  it('takes a value a task after it changes, and never one that changed again before', async () => {
    let value = $state('first');
    let later: TaskLater<string> | undefined;
    const stop = $effect.root(() => {
      later = new TaskLater(() => value);
    });
    flushSync();
    expect(later!.current).toBeUndefined();
    await nextTask();
    expect(later!.current).toBe('first');
    value = 'second';
    flushSync();
    value = 'third';
    flushSync();
    expect(later!.current).toBe('first');
    await nextTask();
    expect(later!.current).toBe('third');
    stop();
  });
});
