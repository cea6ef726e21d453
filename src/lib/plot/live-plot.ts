import type { LivePlotReply, LivePlotRequest } from './live-plot-messages';
import type { PlotColumns } from './rolling-window';
import type { PlotSize, TraceStyle } from './trace-drawing';

/**
 * The Record page's live plot, drawn in a worker on a canvas handed over to it
 * (`transferControlToOffscreen`). Drawing on the page held its thread about 40 ms a redraw on a
 * phone slowed 6× (the plot's script, then committing its canvas), two readings' time at 60 Hz,
 * and while the thread is held the browser keeps only the latest reading. Columns asked to be
 * drawn while the worker still draws wait, and only the newest is drawn next.
 *
 * @example
 * if (LivePlot.supported()) {
 *   const plot = new LivePlot(canvas, { widthCss: 360, heightCss: 200, pixelRatio: 1.5 }, style);
 *   plot.draw(window.columns());
 * }
 */
export class LivePlot {
  readonly #worker: Worker;
  #drawing = false;
  #waiting: PlotColumns | undefined;
  /** Who waits for the drawing under way, and who for the one waiting. */
  #drawn: (() => void)[] = [];
  #waitingDrawn: (() => void)[] = [];

  /** Whether this browser can hand a canvas to a worker (Chromium 69+, Firefox 105+, Safari 16.4+). */
  static supported(): boolean {
    return typeof HTMLCanvasElement === 'function' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function' && typeof Worker === 'function';
  }

  constructor(
    canvas: HTMLCanvasElement,
    size: PlotSize,
    style: TraceStyle,
    startWorker: () => Worker = () => new Worker(new URL('./live-plot.worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.#worker = startWorker();
    this.#worker.onmessage = (event: MessageEvent<LivePlotReply>) => {
      if (event.data.type !== 'drawn') return;
      this.#drawing = false;
      for (const drawn of this.#drawn.splice(0)) drawn();
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (waiting) this.#start(waiting, this.#waitingDrawn.splice(0));
    };
    const offscreen = canvas.transferControlToOffscreen();
    this.#send({ type: 'start', canvas: offscreen, size, style }, [offscreen]);
  }

  /**
   * Draws these columns (copied: the caller may reuse them), or, while the worker still draws,
   * the newest asked for once it is free. Resolves once they, or newer ones, are on the canvas.
   */
  draw(columns: PlotColumns): Promise<void> {
    const copy = columns.map((column) => column.slice()) as PlotColumns;
    return new Promise((drawn) => {
      if (this.#drawing) {
        this.#waiting = copy;
        this.#waitingDrawn.push(drawn);
      } else {
        this.#start(copy, [drawn]);
      }
    });
  }

  resize(size: PlotSize): void {
    this.#send({ type: 'resize', size });
  }

  /** Ends the worker; who waited for a drawing is let go. */
  close(): void {
    this.#worker.terminate();
    for (const drawn of [...this.#drawn.splice(0), ...this.#waitingDrawn.splice(0)]) drawn();
  }

  #start(columns: PlotColumns, drawn: (() => void)[]): void {
    this.#drawing = true;
    this.#drawn = drawn;
    this.#send({ type: 'draw', columns }, columns.map((column) => column.buffer));
  }

  #send(request: LivePlotRequest, transfer: Transferable[] = []): void {
    this.#worker.postMessage(request, transfer);
  }
}
