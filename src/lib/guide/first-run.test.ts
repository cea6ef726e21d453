import { describe, expect, it } from 'vitest';
import { currentStep, stepsDone, type GuideFacts } from './first-run';

const fresh: GuideFacts = { labelsRecorded: 0, models: 0, compared: false, classifiedLive: false };

describe('the guided first run', () => {
  it('starts with examples, and one label is not enough to train on', () => {
    expect(currentStep(fresh)).toBe('examples');
    expect(currentStep({ ...fresh, labelsRecorded: 1 })).toBe('examples');
  });

  it('walks the lesson’s loop in order: examples, train, compare, live, finished', () => {
    expect(currentStep({ ...fresh, labelsRecorded: 4 })).toBe('train');
    expect(currentStep({ ...fresh, labelsRecorded: 4, models: 1 })).toBe('compare');
    expect(currentStep({ ...fresh, labelsRecorded: 4, models: 1, compared: true })).toBe('live');
    expect(currentStep({ labelsRecorded: 4, models: 1, compared: true, classifiedLive: true })).toBe('finished');
  });

  it('does not skip an earlier step done late: a model brought from elsewhere still asks for examples', () => {
    const facts = { ...fresh, models: 1, compared: true };
    expect(stepsDone(facts)).toEqual({ examples: false, train: true, compare: true, live: false });
    expect(currentStep(facts)).toBe('examples');
  });
});
