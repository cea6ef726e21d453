import { describe, expect, test } from 'vitest';
import { LivePlot } from './live-plot';
import type { PlotColumns } from './rolling-window';

const style = { axis: 'rgb(90, 90, 90)', grid: 'rgb(200, 200, 200)', series: ['#d9480f', '#2b8a3e', '#1c7ed6'] as const, font: '11px sans-serif' };

/** Two seconds at 100 Hz of x swaying by ±3 m/s², y at 0 and z at 9.8. */
function sway(): PlotColumns {
  const t = Float64Array.from({ length: 200 }, (_, i) => i / 100);
  return [t, t.map((s) => 3 * Math.sin(2 * Math.PI * s)), t.map(() => 0), t.map(() => 9.8)];
}

/** The placeholder canvas's pixels once the worker's frame has reached it: [r, g, b, a] per pixel. */
async function shownPixels(canvas: HTMLCanvasElement): Promise<Uint8ClampedArray> {
  // The worker's frame reaches the placeholder canvas asynchronously, within a frame or two.
  for (let frame = 0; frame < 3; frame += 1) await new Promise((next) => requestAnimationFrame(next));
  const bitmap = await createImageBitmap(canvas);
  const copy = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  copy.drawImage(bitmap, 0, 0);
  return copy.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

/** How many pixels are close to `hex`. */
function pixelsOf(pixels: Uint8ClampedArray, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (Math.abs((pixels[i] as number) - r) + Math.abs((pixels[i + 1] as number) - g) + Math.abs((pixels[i + 2] as number) - b) < 30 && (pixels[i + 3] as number) > 100) count += 1;
  }
  return count;
}

describe('LivePlot', () => {
  test('a worker draws x, y and z on the canvas the page handed it, at the size asked, and again after a resize', async () => {
    expect(LivePlot.supported()).toBe(true);
    const canvas = document.createElement('canvas');
    document.body.append(canvas);
    const plot = new LivePlot(canvas, { widthCss: 300, heightCss: 150, pixelRatio: 2 }, style);
    try {
      const columns = sway();
      await plot.draw(columns);
      // The caller's columns are copied, not taken: they can be reused for the next draw.
      expect(columns[0].length).toBe(200);
      let pixels = await shownPixels(canvas);
      expect(pixels.length).toBe(600 * 300 * 4);
      for (const colour of style.series) expect(pixelsOf(pixels, colour)).toBeGreaterThan(100);

      plot.resize({ widthCss: 200, heightCss: 100, pixelRatio: 1 });
      // A draw after the resize resolves once the resized canvas holds the traces again.
      await plot.draw(columns);
      pixels = await shownPixels(canvas);
      expect(pixels.length).toBe(200 * 100 * 4);
      for (const colour of style.series) expect(pixelsOf(pixels, colour)).toBeGreaterThan(30);
    } finally {
      plot.close();
      canvas.remove();
    }
  });

  test('draws asked for while the worker draws wait; once all resolve, the newest is on the canvas', async () => {
    const canvas = document.createElement('canvas');
    document.body.append(canvas);
    const plot = new LivePlot(canvas, { widthCss: 300, heightCss: 150, pixelRatio: 2 }, style);
    try {
      const columns = sway();
      // x still, on y's line (which is drawn over it), z as before.
      const still: PlotColumns = [columns[0], columns[2], columns[2], columns[3]];
      // The second and third wait for the first; only the third is drawn after it.
      await Promise.all([plot.draw(columns), plot.draw(columns), plot.draw(still)]);
      const pixels = await shownPixels(canvas);
      expect(pixelsOf(pixels, style.series[1])).toBeGreaterThan(100);
      expect(pixelsOf(pixels, style.series[2])).toBeGreaterThan(100);
      // x's sway is not on the canvas.
      expect(pixelsOf(pixels, style.series[0])).toBe(0);
    } finally {
      plot.close();
      canvas.remove();
    }
  });
});
