import { expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '../../src/lib/learn/idx';
import { describeInBrowser, openApp, useBrowser, waitForReady, waitForServiceWorker } from './fixture';
import { accessibilityViolations } from '../support/axe';

/** An image file and a label file of `count` 28 × 28 digits (each image filled with its index). */
function idxPair(prefix: string, count: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const images = encodeIdx({ dims: [count, 28, 28], data: Uint8Array.from({ length: count * 784 }, (_, i) => (Math.floor(i / 784) * 13) % 256) });
  const labels = encodeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => i % 10) });
  return [
    { name: `${prefix}-images-idx3-ubyte.gz`, mimeType: 'application/gzip', buffer: gzipSync(images) },
    { name: `${prefix}-labels-idx1-ubyte`, mimeType: 'application/octet-stream', buffer: Buffer.from(labels) },
  ];
}

describeInBrowser('the Learn pages', () => {
  const browser = useBrowser();

  test('regression: the lesson’s guesses measure 31 / 5.57 / 2.27 and 6 / 2.45 / 1.00, bad points are refused, and one neuron learns about w = 2, b = −1', async () => {
    const { context, page, errors } = await openApp(browser(), '#/learn/regression');
    await page.getByRole('button', { name: 'Y = 3X − 1' }).click();
    await expect.poll(() => page.getByTestId('sum-of-squares').textContent()).toBe('31');
    expect(await page.getByTestId('root-of-sum').textContent()).toBe('5.57');
    expect(await page.getByTestId('rmse').textContent()).toBe('2.27');
    await page.getByRole('button', { name: 'Y = 2X − 2' }).click();
    await expect.poll(() => page.getByTestId('sum-of-squares').textContent()).toBe('6');
    expect(await page.getByTestId('root-of-sum').textContent()).toBe('2.45');
    expect(await page.getByTestId('rmse').textContent()).toBe('1.00');

    await page.getByLabel('Y of point 2').fill('abc');
    expect(await page.getByTestId('points-problem').textContent()).toContain('Point 2: Y is not a number');
    // Until the points read again, the page keeps the last valid ones.
    expect(await page.getByTestId('sum-of-squares').textContent()).toBe('6');
    await page.getByLabel('Y of point 2').fill('-1');
    expect(await page.getByTestId('points-problem').count()).toBe(0);

    // An emptied w keeps the last good one, and says so, rather than scoring w as 0.
    await page.getByTestId('guess-w').fill('');
    await expect.poll(() => page.getByTestId('guess-w-problem').textContent()).toContain('until then the page keeps w = 2');
    expect(await page.getByTestId('sum-of-squares').textContent()).toBe('6');
    expect(await page.getByText('Your guess: Y = 2X − 2').count()).toBe(1);
    await page.getByTestId('guess-w').fill('2');
    await expect.poll(() => page.getByTestId('guess-w-problem').count()).toBe(0);

    // Each preset is labelled with what the descent really does at that rate.
    expect(await page.getByTestId('rate-preset').allTextContents()).toEqual(['0.001: crawls', '0.05: converges', '0.15: converges', '0.2: diverges']);
    // An emptied or negative rate is refused; the last good one (0.05) stays.
    for (const bad of ['', '-0.1']) {
      await page.getByTestId('learning-rate').fill(bad);
      await expect.poll(() => page.getByTestId('learning-rate-problem').textContent()).toContain('must be a number above 0');
      expect(await page.getByTestId('descent-trend').textContent()).toContain('converges');
    }
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByTestId('descent-position').textContent()).toContain('Step 1:');

    await page.getByTestId('learning-rate').fill('0.2');
    await expect.poll(() => page.getByTestId('descent-trend').textContent()).toContain('diverges');
    expect(await page.getByTestId('learning-rate-problem').count()).toBe(0);
    expect(await page.getByTestId('surface-trend').textContent()).toContain('diverges');

    await page.getByTestId('train-neuron').click();
    const result = page.getByTestId('neuron-result');
    await result.waitFor({ timeout: 30_000 });
    const w = Number(await result.getAttribute('data-w'));
    const b = Number(await result.getAttribute('data-b'));
    expect(Math.abs(w - 2)).toBeLessThan(0.05);
    expect(Math.abs(b + 1)).toBeLessThan(0.05);
    expect(await page.getByTestId('neuron-status').textContent()).toContain('Epoch 500 of 500');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('digits: two epochs in the app reach ≥ 0.85 test accuracy, and a “1” drawn with the mouse is read as 1', async () => {
    const { context, page, errors } = await openApp(browser(), '#/learn/digits');
    await page.getByTestId('digits-split').waitFor();
    expect(await page.getByTestId('digits-split').textContent()).toContain('8,000 to train on, 1,000 to validate every epoch, 1,000 kept aside');
    // Settings the network cannot be trained with are refused before training starts.
    await page.getByTestId('digits-hidden').fill('');
    await expect.poll(() => page.getByTestId('digits-settings-problem').textContent()).toContain('Hidden units must be a whole number from 1 to 256');
    expect(await page.getByTestId('digits-train').isDisabled()).toBe(true);
    await page.getByTestId('digits-hidden').fill('20');
    await page.getByTestId('digits-epochs').fill('2.5');
    await expect.poll(() => page.getByTestId('digits-settings-problem').textContent()).toContain('Epochs must be a whole number from 1 to 200');
    expect(await page.getByTestId('digits-train').isDisabled()).toBe(true);
    await page.getByTestId('digits-epochs').fill('2');
    await expect.poll(() => page.getByTestId('digits-settings-problem').count()).toBe(0);
    await page.getByTestId('digits-train').click();
    const accuracy = page.getByTestId('digits-test-accuracy');
    await accuracy.waitFor({ timeout: 60_000 });
    expect(Number(await accuracy.getAttribute('data-value'))).toBeGreaterThanOrEqual(0.85);
    expect(await accessibilityViolations(page, '[data-testid="digits-scores"]')).toEqual([]);
    expect(await page.getByTestId('test-probabilities').locator('li').count()).toBe(10);
    expect(await page.getByTestId('neuron-weights').locator('li').count()).toBe(20);

    const pad = page.getByTestId('draw-pad');
    // In the middle of the screen: clear of the tab bar and notices at the bottom.
    await pad.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = await pad.boundingBox();
    if (!box) throw new Error('the drawing pad is not on screen');
    // A slightly slanted vertical stroke, as people write a 1.
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.15);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) await page.mouse.move(box.x + box.width * (0.52 - step * 0.004), box.y + box.height * (0.15 + step * 0.06));
    await page.mouse.up();
    const drawn = page.getByTestId('draw-probabilities');
    await drawn.waitFor();
    expect(await drawn.getAttribute('data-predicted')).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('in Spanish: counts, durations and presets in the user’s locale, and the engine’s choice fits a phone', async () => {
    const { context, page, errors } = await openApp(browser(), '#/learn/digits', { locale: 'es-CO' });
    await page.getByTestId('digits-split').waitFor();
    expect(await page.getByTestId('digits-split').textContent()).toContain('8.000 para entrenar, 1.000 para validar');
    const engine = await page.getByLabel('Motor').evaluate((select: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.font = getComputedStyle(select).font;
      return { text: context.measureText(select.selectedOptions[0]?.textContent ?? '').width, room: select.clientWidth, right: select.getBoundingClientRect().right };
    });
    expect(engine.right).toBeLessThanOrEqual(390);
    // Room for the text beside the select's arrow.
    expect(engine.text + 24).toBeLessThanOrEqual(engine.room);
    await page.getByTestId('digits-epochs').fill('1');
    await page.getByTestId('digits-train').click();
    await page.getByTestId('digits-test-accuracy').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('digits-speed').textContent()).toMatch(/tomó \d+,\d s,/);

    await page.getByRole('navigation', { name: 'Lecciones' }).getByRole('link').first().click();
    await page.getByTestId('rate-preset').first().waitFor();
    expect(await page.getByTestId('rate-preset').allTextContents()).toEqual(['0,001: avanza lento', '0,05: converge', '0,15: converge', '0,2: diverge']);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('digits: IDX files opened from disk are kept with the classes they were opened as (Fashion-MNIST named as clothing), a bad one is named and nothing is stored', async () => {
    const { context, page, errors } = await openApp(browser(), '#/learn/digits');
    await page.getByTestId('digits-split').waitFor();
    const [images, labels] = idxPair('train', 120) as [{ name: string; mimeType: string; buffer: Buffer }, { name: string; mimeType: string; buffer: Buffer }];
    await page.getByTestId('idx-files').setInputFiles([images, { ...labels, buffer: labels.buffer.subarray(0, 100) }]);
    const result = page.getByTestId('idx-result');
    await expect.poll(() => result.textContent()).toContain('train-labels-idx1-ubyte: the file is cut short');
    expect(await result.textContent()).toContain('Nothing was stored.');
    expect(await page.getByRole('radio').count()).toBe(1);

    // IDX files don't say what their classes are: these are opened as Fashion-MNIST, and named so.
    await page.getByTestId('idx-classes').selectOption('fashion');
    await page.getByTestId('idx-files').setInputFiles([images, labels, ...idxPair('t10k', 30)]);
    await expect.poll(() => result.textContent()).toContain('Stored “train-ubyte + t10k-ubyte”');
    expect(await page.getByTestId('digits-split').textContent()).toContain('108 digits to train on, 12 to validate');
    await page.getByRole('img', { name: 'A picture of: Ankle boot' }).waitFor();
    expect(await page.getByRole('img', { name: /^A handwritten/ }).count()).toBe(0);
    // Kept on the device: still there after a reload.
    await page.reload();
    await page.getByTestId('digits-split').waitFor();
    // The stored sets are listed once read from IndexedDB, which may come after the shipped split.
    await page.getByText('train-ubyte + t10k-ubyte: 120 training and 30 test images · Fashion-MNIST clothing').waitFor();
    expect(await page.getByRole('radio').count()).toBe(2);
    // The shipped digits are digits; the stored set, chosen again, is still clothing.
    await page.getByRole('img', { name: /^A handwritten \d$/ }).first().waitFor();
    await page.getByRole('radio').nth(1).check();
    await page.getByRole('img', { name: 'A picture of: T-shirt/top' }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('offline: the digits come from the precache and train on wasm; the one neuron trains too', async () => {
    const { context, page, errors } = await openApp(browser());
    await page.getByTestId('offline-ready').waitFor();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(page.url().replace(/#.*$/, '') + '#/learn/digits');
    await waitForReady(page);
    await page.getByTestId('digits-split').waitFor();
    await page.getByTestId('digits-epochs').fill('1');
    await page.getByLabel('Engine').selectOption('tfjs');
    await page.getByTestId('digits-train').click();
    await page.getByTestId('digits-test-accuracy').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('digits-speed').textContent()).toContain('TensorFlow.js (wasm)');
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'Regression' }).click();
    await page.getByTestId('train-neuron').click();
    await page.getByTestId('neuron-result').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
