import { describe, expect, it } from 'vitest';
import { CodedError, durationFact, hintOf, messageOf } from '../i18n/coded-error';
import { formatDuration, loadCatalog } from '../i18n/i18n';
import { SplitError, splitRecordings } from '../train/split';
import { errorOf, failureOf } from './failure';

/** What the page gets for `error` thrown in the worker: through the structured clone, as the worker posts it. */
const acrossTheBoundary = (error: unknown) => errorOf(structuredClone(failureOf(error)));

/** The refusal splitRecordings gives for recordings of one label only. */
function oneLabelRefusal(): SplitError {
  try {
    splitRecordings([{ id: 'a', label: 'walking', group: '' }, { id: 'b', label: 'walking', group: '' }]);
  } catch (error) {
    if (error instanceof SplitError) return error;
  }
  throw new Error('expected a SplitError');
}

describe('a failure crossing the worker boundary', () => {
  it('keeps a split refusal’s code and facts, so it is worded in the user’s language on the page', async () => {
    await loadCatalog('es');
    const refusal = oneLabelRefusal();
    const arrived = acrossTheBoundary(refusal);
    expect(arrived).toBeInstanceOf(SplitError);
    expect(arrived).toMatchObject({ code: 'too-few-labels', params: { labels: ['walking'] } });
    expect(messageOf(arrived, 'es')).toBe(refusal.wordIn('es'));
    expect(messageOf(arrived, 'es')).toContain('al menos dos etiquetas');
    expect(hintOf(arrived, 'es')).toBe(refusal.hintIn('es'));
  });

  it('keeps a coded error’s code and facts', () => {
    const arrived = acrossTheBoundary(new CodedError('error.replay.empty', { device: 'walk.csv' }));
    expect(arrived).toBeInstanceOf(CodedError);
    expect(arrived).toMatchObject({ code: 'error.replay.empty', facts: { device: 'walk.csv' } });
    expect(messageOf(arrived, 'es')).toBe('walk.csv no tiene muestras que reproducir.');
  });

  it('sends a fact that words itself (a function, which cannot cross) worded in English', () => {
    const arrived = acrossTheBoundary(new CodedError('error.compute.failed', { message: durationFact(1500) }));
    expect(arrived).toMatchObject({ code: 'error.compute.failed', facts: { message: formatDuration(1500, 'en') } });
  });

  it('gives anything else the generic code, with its message as the fact', () => {
    const arrived = acrossTheBoundary(new RangeError('Array buffer allocation failed'));
    expect(arrived).toBeInstanceOf(CodedError);
    expect(arrived).toMatchObject({ code: 'error.compute.failed', facts: { message: 'Array buffer allocation failed' } });
    expect(messageOf(arrived, 'en')).toBe('Training failed: Array buffer allocation failed');
    expect(messageOf(arrived, 'es')).toBe('El entrenamiento falló: Array buffer allocation failed');
    expect(acrossTheBoundary('a string')).toMatchObject({ code: 'error.compute.failed', facts: { message: 'a string' } });
  });
});
