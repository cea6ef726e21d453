import { expect, test } from 'vitest';
import { activityCsv } from './seed';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { recordUntilDiskFull } from './full-disk';

/**
 * A Spanish-speaking student reads every failure in Spanish: a file that cannot be imported, a
 * phone that gives no motion readings, a full disk mid-recording, a training that cannot start.
 */
describeInBrowser('errors in Spanish', () => {
  const browser = useBrowser();

  test('a bad import names the file and line, says what is wrong and what to do, in Spanish', async () => {
    const { context, page } = await openApp(browser(), '#/data', { locale: 'es-CO' });
    const picker = page.getByRole('group', { name: 'Suelta archivos aquí para importarlos' }).locator('input[type=file]');
    await picker.setInputFiles([{ name: 'corriendo.ana.csv', mimeType: 'text/csv', buffer: Buffer.from(`${activityCsv(2, 2, 1, 0)}\n1000,1.0,dos,9.8\n`) }]);
    await page.getByTestId('import-summary').getByText('0 importados, 1 sin importar.').waitFor();
    const failure = await page.getByTestId('import-failures').innerText();
    expect(failure).toContain('corriendo.ana.csv, línea 52: «dos» en accY no es un número.');
    expect(failure).toContain('Cada valor debe ser un número escrito con punto decimal');
    await context.close();
  });

  test('a phone that gives no motion readings is explained in Spanish', async () => {
    const { context, page } = await openApp(browser(), '#/record', { locale: 'es-CO' });
    await page.getByLabel('Cuenta regresiva').selectOption('0');
    await page.getByRole('button', { name: 'Grabar', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain('No llegó ninguna lectura de movimiento en 2 s.');
    await context.close();
  });

  test('a full disk stops the recording with a Spanish message that says what was kept', async () => {
    const { context, page } = await openApp(browser(), '#/record', { locale: 'es-CO' });
    const alert = await recordUntilDiskFull(context, page, { countdown: 'Cuenta regresiva', record: 'Grabar' });
    expect(alert).toMatch(/^El almacenamiento está lleno\. «.+ 1» se conservó hasta \d+,\d s, su último guardado\./);
    await context.close();
  }, 90_000);

  test('a training that cannot start says why in Spanish', async () => {
    const { context, page } = await openApp(browser(), '#/data', { locale: 'es-CO' });
    const picker = page.getByRole('group', { name: 'Suelta archivos aquí para importarlos' }).locator('input[type=file]');
    // Two activities, one recording of each: no split can give training, validation and test a recording of each.
    await picker.setInputFiles([
      { name: 'walking.ana-1.csv', mimeType: 'text/csv', buffer: Buffer.from(activityCsv(1.8, 2, 16, 0)) },
      { name: 'running.ana-1.csv', mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.8, 6, 16, 0)) },
    ]);
    await page.getByTestId('import-summary').getByText('2 importados, 0 sin importar.').waitFor();
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByRole('button', { name: 'Entrenar', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.innerText();
    expect(text).toMatch(/No queda ninguna grabación de «(walking|running)» para el conjunto de (validación|prueba)/);
    expect(text).toContain('Graba más «');
    await context.close();
  });
});
