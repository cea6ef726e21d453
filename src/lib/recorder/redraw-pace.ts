/** The figures and plot are never redrawn more often than this while recording: four times a second is live enough. */
export const MIN_REDRAW_INTERVAL_MS = 250;

/** Nor less often than this, however slow the phone: the figures must still show that readings come in. */
export const MAX_REDRAW_INTERVAL_MS = 2000;

/**
 * The share of the page's thread that redrawing may take while recording. The phone's readings
 * arrive on the same thread, and while it is held the browser keeps only the latest: on a phone
 * slowed 6× one redraw took about 30 ms, two readings' time at 60 Hz, four times a second.
 */
const REDRAW_SHARE = 1 / 40;

/**
 * How long to wait between redraws of the Record page's figures and plot, given how long the
 * last redraw held the page's thread (its animation frames, each from the first callback to the
 * end of rendering), so that redrawing takes at most REDRAW_SHARE of the thread: a fast phone
 * redraws four times a second, a slow one less often, and both keep their readings.
 *
 * @example
 * redrawIntervalMs(4); // 250: a fast phone
 * redrawIntervalMs(30); // 1200: a cheap phone
 */
export function redrawIntervalMs(frameMs: number): number {
  if (!Number.isFinite(frameMs) || frameMs < 0) return MIN_REDRAW_INTERVAL_MS;
  return Math.min(MAX_REDRAW_INTERVAL_MS, Math.max(MIN_REDRAW_INTERVAL_MS, frameMs / REDRAW_SHARE));
}
