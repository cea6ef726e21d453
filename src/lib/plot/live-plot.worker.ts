/// <reference lib="webworker" />
import type { LivePlotReply, LivePlotRequest } from './live-plot-messages';
import type { PlotColumns } from './rolling-window';
import { drawTraces, type PlotSize, type TraceStyle } from './trace-drawing';

/**
 * Draws the Record page's live plot on a canvas the page handed over, so that drawing never holds
 * the page's thread, where the phone's readings arrive.
 */
let context: OffscreenCanvasRenderingContext2D | undefined;
let canvas: OffscreenCanvas | undefined;
let size: PlotSize | undefined;
let style: TraceStyle | undefined;
/** The last columns drawn, drawn again after a resize (which clears the canvas). */
let shown: PlotColumns | undefined;

self.onmessage = (event: MessageEvent<LivePlotRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    canvas = request.canvas;
    context = canvas.getContext('2d') ?? undefined;
    style = request.style;
    resize(request.size);
  } else if (request.type === 'resize') {
    resize(request.size);
  } else {
    shown = request.columns;
    draw();
    const reply: LivePlotReply = { type: 'drawn' };
    self.postMessage(reply);
  }
};

function draw(): void {
  if (context && size && style && shown) drawTraces(context, shown, size, style);
}

function resize(next: PlotSize): void {
  size = next;
  if (!canvas) return;
  canvas.width = Math.max(1, Math.round(next.widthCss * next.pixelRatio));
  canvas.height = Math.max(1, Math.round(next.heightCss * next.pixelRatio));
  draw();
}
