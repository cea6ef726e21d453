import type { PlotColumns } from './rolling-window';
import type { PlotSize, TraceStyle } from './trace-drawing';

/** What the page tells the live plot's worker. */
export type LivePlotRequest =
  | { type: 'start'; canvas: OffscreenCanvas; size: PlotSize; style: TraceStyle }
  | { type: 'resize'; size: PlotSize }
  | { type: 'draw'; columns: PlotColumns };

/** What the worker answers: each drawing, once it is on the canvas. */
export type LivePlotReply = { type: 'drawn' };
