/**
 * A drawing made into an MNIST digit, the way MNIST's own digits were made: cropped to the ink,
 * scaled (aspect kept) so its longer side fits 20 pixels, then placed in a 28 × 28 field with
 * its centre of mass at the centre. A network trained on MNIST expects exactly that; a drawing
 * shown to it as drawn, small in a corner or thin, is read far worse.
 */
import { IMAGE_SIDE } from './shipped-digits';

const FIT_SIDE = 20;
/** Below this, a pixel of the drawing is background. */
const INK_THRESHOLD = 0.05;

/** The drawing's bounding box of ink, or undefined for an empty drawing. */
export function inkBounds(ink: ArrayLike<number>, width: number, height: number): { left: number; top: number; right: number; bottom: number } | undefined {
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((ink[y * width + x] as number) <= INK_THRESHOLD) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? undefined : { left, top, right: right + 1, bottom: bottom + 1 };
}

/** How much of source pixel [p, p + 1) lies in [from, to). */
function overlap(p: number, from: number, to: number): number {
  return Math.max(0, Math.min(p + 1, to) - Math.max(p, from));
}

/**
 * A `width × height` drawing (ink in [0, 1], row-major) as a 28 × 28 MNIST image, or undefined
 * when nothing is drawn.
 *
 * @example
 * const image = toMnistImage(ink, 280, 280); // 784 values, centred, longer side 20 pixels
 */
export function toMnistImage(ink: ArrayLike<number>, width: number, height: number): Float32Array | undefined {
  const box = inkBounds(ink, width, height);
  if (!box) return undefined;
  const boxWidth = box.right - box.left;
  const boxHeight = box.bottom - box.top;
  const scale = FIT_SIDE / Math.max(boxWidth, boxHeight);
  const fittedWidth = Math.max(1, Math.round(boxWidth * scale));
  const fittedHeight = Math.max(1, Math.round(boxHeight * scale));
  // Each fitted pixel is the average of the drawing's area it covers (a box filter), so thin
  // strokes scaled down turn grey rather than vanishing between samples.
  const fitted = new Float32Array(fittedWidth * fittedHeight);
  const stepX = boxWidth / fittedWidth;
  const stepY = boxHeight / fittedHeight;
  for (let fy = 0; fy < fittedHeight; fy += 1) {
    const y0 = box.top + fy * stepY;
    const y1 = y0 + stepY;
    for (let fx = 0; fx < fittedWidth; fx += 1) {
      const x0 = box.left + fx * stepX;
      const x1 = x0 + stepX;
      let sum = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy += 1) {
        const wy = overlap(sy, y0, y1);
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx += 1) sum += wy * overlap(sx, x0, x1) * (ink[sy * width + sx] as number);
      }
      fitted[fy * fittedWidth + fx] = sum / (stepX * stepY);
    }
  }
  let mass = 0;
  let massX = 0;
  let massY = 0;
  for (let fy = 0; fy < fittedHeight; fy += 1) {
    for (let fx = 0; fx < fittedWidth; fx += 1) {
      const value = fitted[fy * fittedWidth + fx] as number;
      mass += value;
      massX += value * (fx + 0.5);
      massY += value * (fy + 0.5);
    }
  }
  const clamp = (value: number, most: number) => Math.min(most, Math.max(0, value));
  const offsetX = clamp(Math.round(IMAGE_SIDE / 2 - massX / mass), IMAGE_SIDE - fittedWidth);
  const offsetY = clamp(Math.round(IMAGE_SIDE / 2 - massY / mass), IMAGE_SIDE - fittedHeight);
  const image = new Float32Array(IMAGE_SIDE * IMAGE_SIDE);
  for (let fy = 0; fy < fittedHeight; fy += 1) {
    for (let fx = 0; fx < fittedWidth; fx += 1) image[(fy + offsetY) * IMAGE_SIDE + fx + offsetX] = Math.min(1, fitted[fy * fittedWidth + fx] as number);
  }
  return image;
}

/** The ink of an RGBA canvas drawn in any opaque colour on a transparent background: its alpha. */
export function inkFromRgba(rgba: Uint8ClampedArray): Float32Array {
  const ink = new Float32Array(rgba.length / 4);
  for (let pixel = 0; pixel < ink.length; pixel += 1) ink[pixel] = (rgba[pixel * 4 + 3] as number) / 255;
  return ink;
}
