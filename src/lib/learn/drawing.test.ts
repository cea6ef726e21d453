import { describe, expect, it } from 'vitest';
import { inkBounds, inkFromRgba, toMnistImage } from './drawing';
import { IMAGE_SIDE } from './shipped-digits';

/** A width × height canvas with the rectangle [left, right) × [top, bottom) inked. */
function canvasWith(width: number, height: number, rectangles: [number, number, number, number][]): Float32Array {
  const ink = new Float32Array(width * height);
  for (const [left, top, right, bottom] of rectangles) {
    for (let y = top; y < bottom; y += 1) for (let x = left; x < right; x += 1) ink[y * width + x] = 1;
  }
  return ink;
}

function centreOfMass(image: Float32Array): [number, number] {
  let mass = 0;
  let x = 0;
  let y = 0;
  image.forEach((value, index) => {
    mass += value;
    x += value * ((index % IMAGE_SIDE) + 0.5);
    y += value * (Math.floor(index / IMAGE_SIDE) + 0.5);
  });
  return [x / mass, y / mass];
}

describe('toMnistImage', () => {
  it('gives nothing for an empty drawing', () => {
    expect(toMnistImage(new Float32Array(100 * 100), 100, 100)).toBeUndefined();
  });

  it('scales a small stroke in a corner to 20 pixels high, centred by its mass', () => {
    // A "1": a vertical bar 6 wide and 60 high, near the top-left of a 280 × 280 pad.
    const image = toMnistImage(canvasWith(280, 280, [[10, 5, 16, 65]]), 280, 280) as Float32Array;
    expect(image).toHaveLength(784);
    const box = inkBounds(image, IMAGE_SIDE, IMAGE_SIDE);
    expect(box && box.bottom - box.top).toBe(20);
    expect(box && box.right - box.left).toBe(2);
    const [x, y] = centreOfMass(image);
    expect(Math.abs(x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('keeps the aspect of a wide drawing and averages the area it shrinks', () => {
    const image = toMnistImage(canvasWith(200, 100, [[0, 40, 200, 50]]), 200, 100) as Float32Array;
    const box = inkBounds(image, IMAGE_SIDE, IMAGE_SIDE);
    expect(box && box.right - box.left).toBe(20);
    expect(box && box.bottom - box.top).toBe(1);
    expect(Math.max(...image)).toBeCloseTo(1, 6);
  });

  it('moves an off-centre shape so that its mass, not its box, is at the centre', () => {
    // An "L": a tall bar and a short foot; its mass leans left of its box's middle.
    const image = toMnistImage(canvasWith(100, 100, [[10, 10, 20, 90], [10, 80, 60, 90]]), 100, 100) as Float32Array;
    const [x] = centreOfMass(image);
    expect(Math.abs(x - 14)).toBeLessThanOrEqual(0.5);
  });
});

describe('inkFromRgba', () => {
  it('reads ink from the alpha channel', () => {
    expect(inkFromRgba(Uint8ClampedArray.from([0, 0, 0, 255, 10, 10, 10, 0, 0, 0, 0, 51]))).toEqual(Float32Array.from([1, 0, 0.2]));
  });
});
