import type { PlotColumns } from './rolling-window';

/** Colours as a canvas takes them (resolved on the page: a worker has no CSS), and the tick font. */
export interface TraceStyle {
  axis: string;
  grid: string;
  /** x, y and z. */
  series: readonly [string, string, string];
  font: string;
}

/** The canvas's size in CSS pixels and how many canvas pixels each CSS pixel gets. */
export interface PlotSize {
  widthCss: number;
  heightCss: number;
  pixelRatio: number;
}

/** The part of the canvas the traces take, in CSS pixels: room is left for the ticks' labels. */
export const PLOT_MARGIN = { left: 44, right: 8, top: 8, bottom: 22 } as const;

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten apart) from `min` to `max`.
 *
 * @example
 * niceTicks(0, 9.7, 5) // [0, 2, 4, 6, 8]
 * niceTicks(-11.2, 19.6, 4) // [-10, 0, 10]
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min || count < 1) return [];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    // Rounded to the step's decimals: 0.1 + 0.2 is not drawn as 0.30000000000000004.
    ticks.push(Number(tick.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));
  }
  return ticks;
}

/** The smallest and largest of x, y and z over all samples, padded a little; a flat trace gets ±1. */
export function valueRange(columns: PlotColumns): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let axis = 1; axis <= 3; axis += 1) {
    const values = columns[axis] as Float64Array;
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i] as number;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  if (!(high > low)) return Number.isFinite(low) ? [low - 1, low + 1] : [-1, 1];
  const pad = (high - low) * 0.05;
  return [low - pad, high + pad];
}

/**
 * Draws x, y and z against time, with grid lines and tick labels, on a 2-D context (a worker's
 * OffscreenCanvas or a page's canvas) of `size`. Each trace is drawn through at most four points
 * per pixel column (the column's first, lowest, highest and last): the same picture as every
 * sample's, at a cost set by the plot's width, not by the rate.
 */
export function drawTraces(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  columns: PlotColumns,
  size: PlotSize,
  style: TraceStyle,
): void {
  const { widthCss, heightCss, pixelRatio } = size;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, widthCss, heightCss);
  const times = columns[0];
  const left = PLOT_MARGIN.left;
  const right = widthCss - PLOT_MARGIN.right;
  const top = PLOT_MARGIN.top;
  const bottom = heightCss - PLOT_MARGIN.bottom;
  if (right <= left || bottom <= top) return;
  const first = times.length > 0 ? (times[0] as number) : 0;
  const last = times.length > 1 ? (times[times.length - 1] as number) : first + 1;
  const [low, high] = valueRange(columns);
  const xOf = (seconds: number) => left + ((seconds - first) / (last - first)) * (right - left);
  const yOf = (value: number) => bottom - ((value - low) / (high - low)) * (bottom - top);

  context.font = style.font;
  context.lineWidth = 1;
  context.strokeStyle = style.grid;
  context.fillStyle = style.axis;
  context.beginPath();
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of niceTicks(low, high, Math.max(2, Math.floor((bottom - top) / 30)))) {
    const y = Math.round(yOf(tick)) + 0.5;
    gridLine(context, String(tick), [left, y], [right, y], [left - 4, y]);
  }
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const tick of niceTicks(first, last, Math.max(2, Math.floor((right - left) / 60)))) {
    const x = Math.round(xOf(tick)) + 0.5;
    gridLine(context, String(tick), [x, top], [x, bottom], [x, bottom + 4]);
  }
  context.stroke();

  context.lineWidth = 1.5;
  context.lineJoin = 'round';
  for (let axis = 0; axis < 3; axis += 1) {
    context.strokeStyle = style.series[axis] as string;
    context.beginPath();
    traceThroughColumns(context, times, columns[axis + 1] as Float64Array, xOf, yOf);
    context.stroke();
  }
}

type Point = [x: number, y: number];

/** One grid line added to the path, its label written at `labelAt`. */
function gridLine(context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, label: string, from: Point, to: Point, labelAt: Point): void {
  context.moveTo(...from);
  context.lineTo(...to);
  context.fillText(label, ...labelAt);
}

/** The path of one trace through each pixel column's first, lowest, highest and last points. */
function traceThroughColumns(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  times: Float64Array,
  values: Float64Array,
  xOf: (seconds: number) => number,
  yOf: (value: number) => number,
): void {
  let column = NaN;
  let firstY = 0;
  let lowestY = 0;
  let highestY = 0;
  let lastY = 0;
  let started = false;
  const flush = () => {
    if (Number.isNaN(column)) return;
    if (started) context.lineTo(column, firstY);
    else context.moveTo(column, firstY);
    started = true;
    // The canvas's y grows downwards: the lowest value has the largest y. Both are on one x.
    context.lineTo(column, lowestY);
    context.lineTo(column, highestY);
    context.lineTo(column, lastY);
  };
  for (let i = 0; i < times.length; i += 1) {
    const x = Math.round(xOf(times[i] as number));
    const y = yOf(values[i] as number);
    if (x !== column) {
      flush();
      column = x;
      firstY = lowestY = highestY = lastY = y;
    } else {
      if (y > lowestY) lowestY = y;
      if (y < highestY) highestY = y;
      lastY = y;
    }
  }
  flush();
}
