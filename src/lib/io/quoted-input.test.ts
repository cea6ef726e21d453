import { describe, expect, test } from 'vitest';
import { parseRecordingFile } from './recording-file';

/** The message a recording file is refused with; a test fails if it is accepted. */
function refusal(name: string, text: string): string {
  const result = parseRecordingFile(name, text);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error.message;
}

describe('a refusal quotes the file briefly, whatever it holds', () => {
  test('a 20 MB non-numeric cell is quoted in at most 60 characters', () => {
    const message = refusal('walking.csv', `timestamp,accX,accY,accZ\n0,${'x'.repeat(20_000_000)},0,9.8\n`);
    expect(message).toContain('xxxx');
    expect(message.length).toBeLessThan(400);
  });

  test('a million unknown columns are quoted as the first few and a count', () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
    const message = refusal('walking.csv', `${header}\n`);
    expect(message).toContain('c11');
    expect(message).toContain('… (+999988)');
    expect(message.length).toBeLessThan(1000);
  });

  test('a quoted cell cannot break the message over lines', () => {
    expect(refusal('walking.json', JSON.stringify({ payload: { interval_ms: 10, sensors: [{ name: 'accX', units: 'm/s2\n\u0000evil' }, { name: 'accY', units: 'm/s2' }, { name: 'accZ', units: 'm/s2' }], values: [[1, 2, 3]] } }))).not.toMatch(/\p{Cc}/u);
  });
});
