import { describe, expect, test } from 'vitest';
import { checkLabel, maxLabelLength } from './labels';
import { defaultLabels } from './schema';
import { defaultLabels as activityDefaults } from '../classify/activities';

describe('the label rule', () => {
  test('a plain label of up to 40 characters passes as it is', () => {
    expect(checkLabel('walking')).toBe('walking');
    expect(checkLabel('what??! /* ñandú */')).toBe('what??! /* ñandú */');
    expect(checkLabel('x'.repeat(maxLabelLength))).toBe('x'.repeat(maxLabelLength));
  });

  test('empty, too long, or with a control character is refused, saying which', () => {
    expect(() => checkLabel(' ')).toThrow(expect.objectContaining({ code: 'error.label.empty' }));
    expect(() => checkLabel('x'.repeat(maxLabelLength + 1))).toThrow(expect.objectContaining({ code: 'error.label.too-long' }));
    for (const [label, position] of [['walk\ning', 5], ['a\u0000', 2], ['\tx', 1], ['up\u2028down', 3], ['del\u007f', 4]] as const) {
      expect(() => checkLabel(label)).toThrow(expect.objectContaining({ code: 'error.label.control', facts: { start: label.slice(0, position - 1), position } }));
    }
  });
});

test('a new database is made with the English starting activities, which the app recognises as untouched defaults', () => {
  expect(defaultLabels).toEqual(activityDefaults('en'));
});
