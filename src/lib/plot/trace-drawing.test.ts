import { describe, expect, test } from 'vitest';
import type { PlotColumns } from './rolling-window';
import { drawTraces, niceTicks, PLOT_MARGIN, valueRange } from './trace-drawing';

/** A 2-D context that records the path points of each stroke and the labels written. */
function recordingContext() {
  const strokes: { style: string; points: [number, number][] }[] = [];
  const labels: string[] = [];
  let points: [number, number][] = [];
  const context = {
    strokeStyle: '',
    fillStyle: '',
    font: '',
    lineWidth: 1,
    lineJoin: 'miter',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    setTransform() {},
    clearRect() {},
    beginPath() {
      points = [];
    },
    moveTo(x: number, y: number) {
      points.push([x, y]);
    },
    lineTo(x: number, y: number) {
      points.push([x, y]);
    },
    stroke() {
      strokes.push({ style: context.strokeStyle, points });
    },
    fillText(text: string) {
      labels.push(text);
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, strokes, labels };
}

/** `seconds` of a 100 Hz stream: x a sine of ±3, y flat at 1, z at 9.8 with a spike. */
function stream(seconds: number): PlotColumns {
  const count = seconds * 100;
  const t = Float64Array.from({ length: count }, (_, i) => i / 100);
  return [t, t.map((s) => 3 * Math.sin(2 * Math.PI * s)), t.map(() => 1), t.map((_, i) => (i === count / 2 ? 20 : 9.8))];
}

const style = { axis: 'gray', grid: 'silver', series: ['red', 'green', 'blue'] as const, font: '11px sans-serif' };
const size = { widthCss: 300, heightCss: 200, pixelRatio: 1.5 };

describe('niceTicks', () => {
  test('round values 1, 2 or 5 times a power of ten apart, within the range', () => {
    expect(niceTicks(0, 9.7, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-11.2, 19.6, 4)).toEqual([-10, 0, 10]);
    expect(niceTicks(0.05, 0.42, 4)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(3, 3, 4)).toEqual([]);
    expect(niceTicks(Number.NaN, 1, 4)).toEqual([]);
  });
});

describe('valueRange', () => {
  test('spans x, y and z with a margin; a flat or empty trace gets a range of its own', () => {
    const [low, high] = valueRange(stream(2));
    expect(low).toBeLessThan(-3);
    expect(high).toBeGreaterThan(20);
    expect(high - low).toBeLessThan(26);
    const flat = new Float64Array([5, 5]);
    expect(valueRange([new Float64Array([0, 1]), flat, flat, flat])).toEqual([4, 6]);
    const empty = new Float64Array(0);
    expect(valueRange([empty, empty, empty, empty])).toEqual([-1, 1]);
  });
});

describe('drawTraces', () => {
  test('draws each axis through at most four points a pixel column, within the plot, keeping the peaks', () => {
    const { context, strokes, labels } = recordingContext();
    drawTraces(context, stream(10), size, style);
    const traces = strokes.filter(({ style: colour }) => style.series.includes(colour as 'red'));
    expect(traces.map(({ style: colour }) => colour)).toEqual(['red', 'green', 'blue']);
    const columns = size.widthCss - PLOT_MARGIN.left - PLOT_MARGIN.right + 1;
    for (const { points } of traces) {
      // 1000 samples, but no more than four points in each of the plot's pixel columns.
      expect(points.length).toBeLessThanOrEqual(4 * columns);
      const xs = points.map(([x]) => x);
      expect(Math.min(...xs)).toBe(PLOT_MARGIN.left);
      expect(Math.max(...xs)).toBe(size.widthCss - PLOT_MARGIN.right);
      for (const [, y] of points) {
        expect(y).toBeGreaterThanOrEqual(PLOT_MARGIN.top);
        expect(y).toBeLessThanOrEqual(size.heightCss - PLOT_MARGIN.bottom);
      }
    }
    // z's one-sample spike to 20 survives the thinning: it is the highest point drawn (the smallest y).
    const zTop = Math.min(...(traces[2]?.points ?? []).map(([, y]) => y));
    const xTop = Math.min(...(traces[0]?.points ?? []).map(([, y]) => y));
    expect(zTop).toBeLessThan(xTop);
    // Seconds along the bottom, m/s² up the side.
    expect(labels).toEqual(['0', '10', '20', '0', '5']);
  });

  test('draws nothing but a cleared canvas when there is no room for the plot', () => {
    const { context, strokes } = recordingContext();
    drawTraces(context, stream(1), { widthCss: 40, heightCss: 20, pixelRatio: 1 }, style);
    expect(strokes).toEqual([]);
  });
});
