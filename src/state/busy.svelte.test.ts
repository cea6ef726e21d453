import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { busy } from './busy.svelte';

describe('busy', () => {
  it('names the first work still running, and ends each exactly once', () => {
    expect(busy.reason).toBeUndefined();
    const endRecording = busy.start('busy.recording');
    const endTraining = busy.start('busy.training');
    expect(busy.reason).toBe('busy.recording');
    expect(busy.recording).toBe(true);
    endRecording();
    expect(busy.recording).toBe(false);
    expect(busy.reason).toBe('busy.training');
    endRecording();
    expect(busy.reason).toBe('busy.training');
    endTraining();
    expect(busy.reason).toBeUndefined();
  });

  it('keeps one of two runs of the same work when the other ends', () => {
    const first = busy.start('busy.training');
    const second = busy.start('busy.training');
    first();
    expect(busy.reason).toBe('busy.training');
    second();
    expect(busy.reason).toBeUndefined();
  });

  it('is reactive: an effect reading it runs again when work starts and ends', () => {
    const seen: (string | undefined)[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(busy.reason);
      });
    });
    flushSync();
    const end = busy.start('busy.recording');
    flushSync();
    end();
    flushSync();
    stop();
    expect(seen).toEqual([undefined, 'busy.recording', undefined]);
  });
});
