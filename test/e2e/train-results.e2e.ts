import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { accessibilityViolations } from '../support/axe';
import { describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';
import { activityCsv, importSyntheticActivities } from './seed';

/** Whether the element of `testid` lies within the 390 px screen, and its table needs no sideways scroll. */
async function inViewWidth(page: Page, testid: string): Promise<{ right: number; scrolls: boolean }> {
  return page.getByTestId(testid).evaluate((cell) => {
    const scroller = cell.closest('.scroll-x')!;
    return { right: cell.getBoundingClientRect().right, scrolls: scroller.scrollWidth > scroller.clientWidth };
  });
}

/** The results as a phone shows them, in the page's language: what each check found. */
async function readResults(page: Page) {
  // The curves and the tables come a task after the scores.
  await page.getByTestId('confusion').waitFor();
  const chart = page.locator('[data-testid="train-results"] svg[role="img"]').first();
  return {
    stop: await page.getByTestId('training-stop').innerText(),
    legend: await chart.locator('[data-testid="curves-legend"] text').allTextContents(),
    axes: [await chart.getByTestId('x-title').textContent(), await chart.getByTestId('y-title').textContent()],
    legendVisible: await chart.getByTestId('curves-legend').isVisible(),
    header: await page.getByTestId('accuracy-table').locator('thead th').allInnerTexts(),
    testAccuracy: await page.getByTestId('test-accuracy').innerText(),
    testCell: await inViewWidth(page, 'test-accuracy'),
    f1Cell: await inViewWidth(page, 'test-macro-f1'),
    perLabel: await page.getByTestId('per-label-f1').locator('tbody tr').count(),
    confusion: await page.getByTestId('confusion').innerText(),
    wrong: await page.getByTestId('wrong-recordings').innerText(),
    rules: await page.getByTestId('rules-speed').innerText(),
  };
}

describeInBrowser('results kept with the model, on a phone', () => {
  const browser = useBrowser();

  test('trained, reloaded and chosen again, a model shows its curves, table, F1, matrix, wrong recordings and how training stopped, in English and Spanish; unknown people are warned of before training', { timeout: 300_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await importSyntheticActivities(page);
    await page.evaluate(() => (location.hash = '#/train'));
    // Six named people: nothing to warn of before training.
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
    expect(await page.getByTestId('split-caution').count()).toBe(0);
    await page.getByText('Advanced settings').click();
    // Patience 1 over many epochs: the validation loss stops improving at some epoch, and training stops there.
    await page.getByLabel('Epochs', { exact: true }).fill('300');
    await page.getByLabel('Stop after epochs without improvement').fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 120_000 });

    const trained = await readResults(page);
    const [, stoppedAt, kept] = /^Stopped at epoch (\d+): the validation loss stopped improving after epoch (\d+); kept epoch (\d+)’s weights\.$/.exec(trained.stop) ?? [];
    expect(trained.stop).toMatch(/^Stopped at epoch \d+/);
    expect(Number(stoppedAt)).toBe(Number(kept) + 1);
    // The progress line says it too, where the epochs were counting.
    expect(await page.getByTestId('train-status').innerText()).toBe(trained.stop);
    // Every table's corner an empty cell, not an empty header: nothing for a screen reader to trip on.
    expect(await accessibilityViolations(page, '[data-testid="train-results"]')).toEqual([]);

    await page.reload();
    await waitForReady(page);
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByTestId('models').getByRole('radio').first().check();
    await page.getByTestId('train-results').waitFor();
    const english = await readResults(page);
    expect(english).toEqual(trained);
    expect(english.legend).toEqual(['Training', 'Validation']);
    expect(english.legendVisible).toBe(true);
    expect(english.axes).toEqual(['Epoch', 'Loss']);
    expect(english.header).toEqual(['Test', 'Validation', 'Training']);
    expect(english.testCell.right).toBeLessThanOrEqual(390);
    expect(english.testCell.scrolls).toBe(false);
    expect(english.f1Cell.right).toBeLessThanOrEqual(390);
    expect(english.perLabel).toBe(2);
    expect(english.confusion).toContain('Predicted →');
    expect(english.wrong.length).toBeGreaterThan(0);
    expect(english.rules).toContain('step cadence');

    // Two recordings that say nobody recorded them: the next split cannot keep everyone apart.
    await page.evaluate(() => (location.hash = '#/data'));
    await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('');
    await page
      .getByRole('group', { name: 'Drop files here to import them' })
      .locator('input[type=file]')
      .setInputFiles([
        { name: 'walking.nobody-1.csv', mimeType: 'text/csv', buffer: Buffer.from(activityCsv(1.9, 2, 16, 7)) },
        { name: 'running.nobody-1.csv', mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.9, 6, 16, 7)) },
      ]);
    await page.getByTestId('import-summary').getByText('2 imported, 0 not imported.').waitFor();
    await page.evaluate(() => (location.hash = '#/train'));
    const caution = page.getByTestId('split-caution');
    await caution.waitFor();
    expect(await caution.innerText()).toBe(
      '2 of 14 recordings do not say who recorded them: each may land on the test side while the same person’s other recordings trained the network, so the test score will be optimistic. To fix it, set who recorded each one on the Data page.',
    );
    expect(await caution.getByRole('link').getAttribute('href')).toBe('#/data');
    // Before the Train button: read before training starts.
    const [cautionTop, buttonTop] = [await caution.boundingBox(), await page.getByRole('button', { name: 'Train', exact: true }).boundingBox()];
    expect(cautionTop!.y).toBeLessThan(buttonTop!.y);

    await page.getByRole('combobox').first().selectOption('es');
    await page.getByRole('button', { name: 'Entrenar', exact: true }).waitFor();
    expect(await caution.innerText()).toContain('2 de 14 grabaciones no dicen quién las hizo');
    expect(await caution.innerText()).toContain('indica quién hizo cada una en la página Datos');
    const spanish = await readResults(page);
    expect(spanish.stop).toBe(`Se detuvo en la época ${stoppedAt}: la pérdida de validación dejó de mejorar después de la época ${kept}; se quedó con los pesos de la época ${kept}.`);
    expect(spanish.legend).toEqual(['Entrenamiento', 'Validación']);
    expect(spanish.axes).toEqual(['Época', 'Pérdida']);
    expect(spanish.header).toEqual(['Prueba', 'Validación', 'Entrenamiento']);
    expect(spanish.testAccuracy).toBe(english.testAccuracy.replace('.', ','));
    expect(spanish.testCell.right).toBeLessThanOrEqual(390);
    expect(spanish.testCell.scrolls).toBe(false);
    expect(spanish.f1Cell.right).toBeLessThanOrEqual(390);
    expect(spanish.confusion).toContain('Predicha →');
    expect(spanish.wrong.length).toBeGreaterThan(0);
    expect(spanish.rules).toContain('cadencia de pasos');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
