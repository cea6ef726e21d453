import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { descentStartW, lessonGuess, lessonPoints } from '../lib/learn/regression';
import { regressionLesson } from './regression-lesson.svelte';

describe('the regression lesson', () => {
  it('starts on the lesson’s points and guess, scored as the lesson scores them', () => {
    expect(regressionLesson.points).toEqual(lessonPoints);
    expect(regressionLesson.guess).toEqual(lessonGuess);
    // The lesson's first guess (w = 3, b = -1) against Y = 2X - 1: the differences are X.
    const squares = lessonPoints.reduce((sum, { x }) => sum + x * x, 0);
    expect(regressionLesson.score.rmse).toBeCloseTo(Math.sqrt(squares / lessonPoints.length), 10);
  });

  it('keeps the last points that read as numbers while a cell is being typed, and follows the new ones', () => {
    const before = regressionLesson.points;
    regressionLesson.rows[0]!.y = 'abc';
    flushSync();
    expect('points' in regressionLesson.parsed).toBe(false);
    expect(regressionLesson.points).toEqual(before);
    regressionLesson.rows[0]!.y = '-5';
    flushSync();
    expect(regressionLesson.points[0]).toEqual({ x: -1, y: -5 });
    regressionLesson.resetPoints();
    flushSync();
    expect(regressionLesson.points).toEqual(lessonPoints);
  });

  it('adds a point on the lesson’s line after the last one, and removes a point', () => {
    regressionLesson.addPoint();
    flushSync();
    expect(regressionLesson.points.at(-1)).toEqual({ x: 5, y: 9 });
    regressionLesson.removePoint(regressionLesson.rows.length - 1);
    flushSync();
    expect(regressionLesson.points).toEqual(lessonPoints);
  });

  it('takes only finite numbers for w, b and the learning rate, and marks the field otherwise', () => {
    regressionLesson.setGuess('w', null);
    expect(regressionLesson.guessInvalid.w).toBe(true);
    expect(regressionLesson.guess.w).toBe(lessonGuess.w);
    regressionLesson.setGuess('w', 2);
    expect(regressionLesson.guessInvalid.w).toBe(false);
    expect(regressionLesson.guess.w).toBe(2);
    regressionLesson.setGuess('w', lessonGuess.w);
    regressionLesson.setLearningRate(-0.1);
    expect(regressionLesson.rateInvalid).toBe(true);
    expect(regressionLesson.learningRate).toBe(0.05);
    regressionLesson.setLearningRate(0.01);
    expect(regressionLesson.rateInvalid).toBe(false);
    expect(regressionLesson.learningRate).toBe(0.01);
    regressionLesson.setLearningRate(0.05);
  });

  it('steps the descent towards w = 2 at a good rate, and starts over on reset', () => {
    regressionLesson.resetDescent();
    const distance = () => Math.abs(regressionLesson.descentW - 2);
    const start = distance();
    for (let i = 0; i < 20; i += 1) regressionLesson.step();
    expect(regressionLesson.descentSteps).toBe(20);
    expect(distance()).toBeLessThan(start / 10);
    expect(regressionLesson.trend).toBe(regressionLesson.trendOf(0.05));
    regressionLesson.resetDescent();
    expect(regressionLesson.descentW).toBe(descentStartW);
    expect(regressionLesson.descentSteps).toBe(0);
  });
});
