import { launchChromium } from '../support/chromium';
import { median } from './stats';
import type { Benchmark } from './types';

const strokes = 10;

/**
 * ms from the first touch of a stroke on the Digits page's drawing pad to the network's
 * probabilities on screen, in the built app: the page opened on a phone-sized screen, the
 * lesson's network trained there for 1 epoch, then a "1" drawn by pointer events dispatched on
 * the canvas, the clock stopped when the probabilities for that stroke are in the page. The
 * first stroke, then the median of 10 (each on a cleared pad). The drawing is read once per
 * animation frame, so a frame (about 16 ms) is the floor.
 */
export const learnDrawFirstPrediction: Benchmark = {
  name: 'learn.draw-first-prediction',
  needs: 'browser',
  async run({ chromiumPath, url }) {
    const browser = await launchChromium(chromiumPath);
    try {
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      const opened = performance.now();
      await page.goto(`${url}/#/learn/digits`);
      await page.getByTestId('digits-split').waitFor();
      const digitsReadyMs = performance.now() - opened;
      await page.getByTestId('digits-epochs').fill('1');
      await page.getByTestId('digits-train').click();
      await page.getByTestId('digits-test-accuracy').waitFor({ timeout: 60_000 });
      const latencies: number[] = [];
      for (let stroke = 0; stroke < strokes; stroke += 1) {
        await page.getByRole('button', { name: 'Clear the drawing' }).click();
        latencies.push(
          await page.evaluate(async () => {
            const pad = document.querySelector<HTMLCanvasElement>('[data-testid="draw-pad"]');
            if (!pad) throw new Error('no drawing pad');
            const box = pad.getBoundingClientRect();
            // A vertical stroke down the middle: down, 12 moves, up (no named helpers here: the
            // function is sent to the page as text).
            const events: [string, number][] = [['pointerdown', 0.15], ...Array.from({ length: 12 }, (_, step): [string, number] => ['pointermove', 0.15 + (step + 1) * 0.06]), ['pointerup', 0.87]];
            const shown = new Promise<number>((resolve) => {
              const observer = new MutationObserver(() => {
                if (document.querySelector('[data-testid="draw-probabilities"]')) {
                  observer.disconnect();
                  resolve(performance.now());
                }
              });
              observer.observe(document.body, { childList: true, subtree: true });
            });
            const started = performance.now();
            for (const [type, y] of events) {
              pad.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, isPrimary: true, clientX: box.left + box.width / 2, clientY: box.top + y * box.height }));
            }
            return (await shown) - started;
          }),
        );
      }
      const round = (ms: number) => Math.round(ms * 10) / 10;
      return {
        results: [{ name: 'learn.draw-first-prediction', value: round(median(latencies)), unit: 'ms', goal: '<= 33' }],
        notes: [
          `first stroke ${round(latencies[0] ?? NaN)} ms, median of ${strokes} ${round(median(latencies))} ms, slowest ${round(Math.max(...latencies))} ms`,
          `page opened to the 10,000 digits unpacked: ${Math.round(digitsReadyMs)} ms`,
        ],
      };
    } finally {
      await browser.close();
    }
  },
};
