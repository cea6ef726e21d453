import { describe, expect, test } from 'vitest';
import type { StoredModel } from './record';
import { modelSummary, modelTitle } from './summary';

describe('a stored model’s summary', () => {
  test('a whole model gives its scores and labels', () => {
    const model = { id: 'm', name: 'walk or run', metrics: { test: { accuracy: 0.9, f1: [] }, baseline: { accuracy: 0.5, f1: [] } }, preprocessing: { labels: ['run', 'walk'] } } as unknown as StoredModel;
    expect(modelSummary(model)).toEqual({ name: 'walk or run', scores: { testAccuracy: 0.9, baselineAccuracy: 0.5, labels: ['run', 'walk'] } });
  });

  test('a damaged record still gives a name, and no scores, without throwing', () => {
    const damaged = [
      { id: 'm', name: 'only the test side', metrics: { test: { accuracy: 0.9 } } },
      { id: 'm2', name: 'no metrics', metrics: null, preprocessing: null },
      { id: 'm3', metrics: { test: { accuracy: 1 }, baseline: { accuracy: 1 } }, preprocessing: { labels: [null] } },
    ];
    expect(damaged.map((model) => modelSummary(model as unknown as StoredModel))).toEqual([{ name: 'only the test side' }, { name: 'no metrics' }, { name: 'm3' }]);
  });
});

describe('a model’s title in a list', () => {
  const model = { id: 'm', name: 'caminar, correr', createdAt: new Date(2026, 11, 3, 15, 47, 19).getTime() } as unknown as StoredModel;

  test('writes when it was trained in the language it is shown in, whatever language it was trained in', () => {
    const english = modelTitle(model, 'en');
    const spanish = modelTitle(model, 'es');
    expect(english).toMatch(/^caminar, correr · 12\/3\/26, 3:47\sPM$/);
    expect(spanish).toBe('caminar, correr · 3/12/26, 15:47');
  });

  test('a record without a usable time gives its name alone', () => {
    expect(modelTitle({ ...model, createdAt: Number.NaN }, 'es')).toBe('caminar, correr');
    expect(modelTitle({ id: 'm2' } as unknown as StoredModel, 'en')).toBe('m2');
  });
});
