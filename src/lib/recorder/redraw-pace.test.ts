import { describe, expect, it } from 'vitest';
import { MAX_REDRAW_INTERVAL_MS, MIN_REDRAW_INTERVAL_MS, redrawIntervalMs } from './redraw-pace';

describe('how often the Record page redraws while recording', () => {
  it('a fast phone redraws four times a second', () => {
    expect(redrawIntervalMs(2)).toBe(MIN_REDRAW_INTERVAL_MS);
    expect(MIN_REDRAW_INTERVAL_MS).toBe(250);
  });

  it('a slow phone redraws less often, so that redrawing takes a fortieth of its thread', () => {
    expect(redrawIntervalMs(30)).toBe(1200);
    expect(redrawIntervalMs(10)).toBe(400);
  });

  it('however slow, the figures still change every two seconds', () => {
    expect(redrawIntervalMs(500)).toBe(MAX_REDRAW_INTERVAL_MS);
  });

  it('a frame that could not be timed leaves the fast pace', () => {
    expect(redrawIntervalMs(NaN)).toBe(MIN_REDRAW_INTERVAL_MS);
    expect(redrawIntervalMs(-1)).toBe(MIN_REDRAW_INTERVAL_MS);
  });
});
