import { mulberry32, shuffle } from '../src/lib/train/random.ts';
import type { IdxArray } from '../src/lib/learn/idx.ts';

// Imports here name their files in full: Vite's native config loader (its future default) needs it.
const IMAGE_SIDE = 28;
const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;

/** The order the digits are stored in: fixed, so every device trains and tests on the same split. */
const PACK_SEED = 2022;

/**
 * Packs the `mnist` package's digits as two IDX files, images and labels, in one seeded random
 * order so that any slice of them holds every digit. Each package file is one digit's images,
 * flattened, with pixels in [0, 1] at three decimals; stored as bytes (× 255, rounded), which
 * gives back the same three decimals.
 */
export function packShippedDigits(pixelsPerDigit: readonly ArrayLike<number>[]): { images: IdxArray; labels: IdxArray } {
  const sources: { digit: number; offset: number }[] = [];
  pixelsPerDigit.forEach((pixels, digit) => {
    for (let offset = 0; offset < pixels.length; offset += IMAGE_PIXELS) sources.push({ digit, offset });
  });
  shuffle(sources, mulberry32(PACK_SEED));
  const images = new Uint8Array(sources.length * IMAGE_PIXELS);
  const labels = new Uint8Array(sources.length);
  sources.forEach(({ digit, offset }, index) => {
    const pixels = pixelsPerDigit[digit] as ArrayLike<number>;
    for (let pixel = 0; pixel < IMAGE_PIXELS; pixel += 1) images[index * IMAGE_PIXELS + pixel] = Math.round((pixels[offset + pixel] ?? 0) * 255);
    labels[index] = digit;
  });
  return {
    images: { dims: [sources.length, IMAGE_SIDE, IMAGE_SIDE], data: images },
    labels: { dims: [sources.length], data: labels },
  };
}

