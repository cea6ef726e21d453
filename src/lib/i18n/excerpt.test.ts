import { describe, expect, test } from 'vitest';
import { excerpt, excerptChars, excerptItems, excerptList } from './excerpt';

describe('excerpts of a file in a message', () => {
  test('short text is quoted as it is; long text is cut, with …', () => {
    expect(excerpt('12.5x')).toBe('12.5x');
    const cut = excerpt('x'.repeat(10_000_000));
    expect(cut).toHaveLength(excerptChars);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('control characters become spaces', () => {
    expect(excerpt('a\nb\u0000c\u2028d')).toBe('a b c d');
  });

  test('a list keeps its first items and counts the rest', () => {
    expect(excerptList(['t', 'x'])).toEqual(['t', 'x']);
    const columns = Array.from({ length: 1_000_000 }, (_, i) => `column${i}`);
    const quoted = excerptList(columns);
    expect(quoted).toHaveLength(excerptItems + 1);
    expect(quoted.at(-1)).toBe(`… (+${1_000_000 - excerptItems})`);
  });
});
