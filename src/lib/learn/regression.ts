/**
 * The regression lesson's arithmetic: a guess y = w·x + b measured against the data, and gradient
 * descent on the mean squared error. Pure functions, so the page, the tests and the lesson's
 * figures all come from the same code.
 */

export interface Point {
  x: number;
  y: number;
}

/** The lesson's data: Y = 2X − 1, six points. */
export const lessonPoints: readonly Point[] = [
  { x: -1, y: -3 },
  { x: 0, y: -1 },
  { x: 1, y: 1 },
  { x: 2, y: 3 },
  { x: 3, y: 5 },
  { x: 4, y: 7 },
];

/** Where the mean squared error of the lesson's data is smallest: y = 2x − 1. */
export const lessonMinimum = { w: 2, b: -1 } as const;

export interface Line {
  w: number;
  b: number;
}

/** The page's starting points: the lesson's first guess, 3X − 1, and w = −1 for the one-parameter descent. */
export const lessonGuess: Readonly<Line> = { w: 3, b: -1 };
export const descentStartW = -1;

/**
 * Learning rates offered as presets. On the lesson's data from the page's starting points, 0.001
 * crawls, 0.05 and 0.15 converge and 0.2 diverges, with w alone (stable below ≈ 0.194) and with w
 * and b together (stable below ≈ 0.177); the page labels each with the trend computed here.
 */
export const learningRatePresets: readonly number[] = [0.001, 0.05, 0.15, 0.2];

/** A learning rate descent can use: a finite number above 0. */
export function isLearningRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

export interface GuessRow {
  x: number;
  guess: number;
  real: number;
  difference: number;
  squared: number;
}

export interface GuessScore {
  rows: GuessRow[];
  /** Σ(ŷ − y)²: the lesson's "total". */
  sumOfSquares: number;
  /** √Σ(ŷ − y)²: the lesson's walk-through takes the root of the total. */
  rootOfSum: number;
  /** √(Σ(ŷ − y)² / T): the root-mean-square error, which does not grow with the number of points. */
  rmse: number;
}

/**
 * Scores a guessed line on the points, step by step as the lesson does it.
 *
 * @example
 * scoreGuess(lessonPoints, { w: 3, b: -1 }).sumOfSquares // 31
 */
export function scoreGuess(points: readonly Point[], { w, b }: Line): GuessScore {
  const rows = points.map(({ x, y }) => {
    const guess = w * x + b;
    const difference = guess - y;
    return { x, guess, real: y, difference, squared: difference * difference };
  });
  const sumOfSquares = rows.reduce((sum, row) => sum + row.squared, 0);
  return {
    rows,
    sumOfSquares,
    rootOfSum: Math.sqrt(sumOfSquares),
    rmse: Math.sqrt(sumOfSquares / Math.max(1, points.length)),
  };
}

/** Mean squared error of the line on the points: the loss gradient descent walks down. */
export function meanSquaredError(points: readonly Point[], { w, b }: Line): number {
  let sum = 0;
  for (const { x, y } of points) sum += (w * x + b - y) ** 2;
  return sum / points.length;
}

/** ∂MSE/∂w and ∂MSE/∂b: the slope of the loss in each direction. */
export function gradient(points: readonly Point[], { w, b }: Line): Line {
  let dw = 0;
  let db = 0;
  for (const { x, y } of points) {
    const error = w * x + b - y;
    dw += error * x;
    db += error;
  }
  return { w: (2 * dw) / points.length, b: (2 * db) / points.length };
}

/**
 * One step downhill: each parameter moves by −learningRate × its gradient. With `holdB`, only w
 * moves, as in the lesson's one-parameter picture.
 */
export function descentStep(points: readonly Point[], line: Line, learningRate: number, holdB = false): Line {
  const slope = gradient(points, line);
  return { w: line.w - learningRate * slope.w, b: holdB ? line.b : line.b - learningRate * slope.b };
}

/** The path of `steps` descent steps from `start`, start included; stops early once the loss is no longer finite. */
export function descentPath(points: readonly Point[], start: Line, learningRate: number, steps: number, holdB = false): Line[] {
  const path = [start];
  let line = start;
  for (let step = 0; step < steps; step += 1) {
    line = descentStep(points, line, learningRate, holdB);
    path.push(line);
    if (!Number.isFinite(meanSquaredError(points, line))) break;
  }
  return path;
}

export type DescentTrend = 'converging' | 'crawling' | 'diverging';

/**
 * How a learning rate behaves from a start, read from the loss after `steps` steps: growing means
 * diverging, still above 1 % of where it began means crawling, else converging.
 */
export function descentTrend(points: readonly Point[], start: Line, learningRate: number, steps = 50, holdB = false): DescentTrend {
  const path = descentPath(points, start, learningRate, steps, holdB);
  const first = meanSquaredError(points, start);
  const last = meanSquaredError(points, path[path.length - 1] as Line);
  const best = meanSquaredError(points, bestLine(points, holdB ? start.b : undefined));
  if (!Number.isFinite(last) || last > first) return 'diverging';
  return last - best > 0.01 * (first - best) ? 'crawling' : 'converging';
}

/**
 * The least-squares line, in closed form: where descent ends. With `fixedB`, the best w for that b.
 */
export function bestLine(points: readonly Point[], fixedB?: number): Line {
  const n = points.length;
  const sx = points.reduce((sum, { x }) => sum + x, 0);
  const sy = points.reduce((sum, { y }) => sum + y, 0);
  const sxx = points.reduce((sum, { x }) => sum + x * x, 0);
  const sxy = points.reduce((sum, { x, y }) => sum + x * y, 0);
  if (fixedB !== undefined) return { w: sxx === 0 ? 0 : (sxy - fixedB * sx) / sxx, b: fixedB };
  const denominator = n * sxx - sx * sx;
  if (denominator === 0) return { w: 0, b: sy / n };
  const w = (n * sxy - sx * sy) / denominator;
  return { w, b: (sy - w * sx) / n };
}

/** The loss sampled on a `size × size` grid over w and b (row 0 is the largest b), for a heat map. */
export function lossGrid(points: readonly Point[], wRange: [number, number], bRange: [number, number], size: number): Float64Array {
  const grid = new Float64Array(size * size);
  for (let row = 0; row < size; row += 1) {
    const b = bRange[1] - ((bRange[1] - bRange[0]) * row) / (size - 1);
    for (let column = 0; column < size; column += 1) {
      const w = wRange[0] + ((wRange[1] - wRange[0]) * column) / (size - 1);
      grid[row * size + column] = meanSquaredError(points, { w, b });
    }
  }
  return grid;
}

export type PointsProblem = { kind: 'too-few' } | { kind: 'not-a-number'; row: number; field: 'x' | 'y' };

/**
 * Reads edited points from their text fields. Fewer than two points, or a field that is not a
 * finite number, is refused with the first row (1-based) and field at fault.
 */
export function parsePoints(rows: readonly { x: string; y: string }[]): { points: Point[] } | { problem: PointsProblem } {
  const points: Point[] = [];
  for (const [index, row] of rows.entries()) {
    const x = readNumber(row.x);
    if (x === undefined) return { problem: { kind: 'not-a-number', row: index + 1, field: 'x' } };
    const y = readNumber(row.y);
    if (y === undefined) return { problem: { kind: 'not-a-number', row: index + 1, field: 'y' } };
    points.push({ x, y });
  }
  if (points.length < 2) return { problem: { kind: 'too-few' } };
  return { points };
}

/** A typed number, with a decimal comma accepted (as Spanish keyboards write it); undefined if it is not one. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  const value = Number(trimmed);
  return trimmed === '' || !Number.isFinite(value) ? undefined : value;
}
