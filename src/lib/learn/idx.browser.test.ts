import { expect, test } from 'vitest';
import { encodeIdx, IdxError, readIdx } from './idx';

/** `bytes` gzip-compressed by the browser's own CompressionStream. */
async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

test('in Chromium, a gzip IDX that expands far past its header stops at the header’s size', async () => {
  const bomb = new Uint8Array(256 * 2 ** 20);
  bomb.set(encodeIdx({ dims: [10, 28, 28], data: new Uint8Array(0) }));
  const compressed = await gzip(bomb);
  expect(compressed.length).toBeLessThan(2 ** 20);
  const refusal = await readIdx(compressed, 'bomb.gz').catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(IdxError);
  expect((refusal as IdxError).problem).toEqual({ code: 'longer-than-header' });
  const fine = encodeIdx({ dims: [2, 28, 28], data: new Uint8Array(2 * 28 * 28).fill(7) });
  expect((await readIdx(await gzip(fine), 'fine.gz')).dims).toEqual([2, 28, 28]);
});
