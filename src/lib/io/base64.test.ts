import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

describe('base64', () => {
  it('encodes as Node does, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['A', 'AB=', 'AAA!', 'A===', '====', 'AA=A', 'ÀAAA'])('refuses %j', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});
