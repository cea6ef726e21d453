import { describe, expect, test } from 'vitest';
import { dataFingerprint } from './fingerprint';

describe('dataFingerprint', () => {
  const a = { id: 'a', label: 'walking', sampleCount: 100 };
  const b = { id: 'b', label: 'running', sampleCount: 50 };

  test('ignores order, notices any change of recordings, labels or sizes', () => {
    expect(dataFingerprint([a, b])).toBe(dataFingerprint([b, a]));
    expect(dataFingerprint([a, b])).toMatch(/^[0-9a-f]{8}$/);
    expect(dataFingerprint([a])).not.toBe(dataFingerprint([a, b]));
    expect(dataFingerprint([{ ...a, label: 'golfing' }, b])).not.toBe(dataFingerprint([a, b]));
    expect(dataFingerprint([{ ...a, sampleCount: 99 }, b])).not.toBe(dataFingerprint([a, b]));
  });
});
