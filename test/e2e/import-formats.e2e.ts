import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { phyphoxCsv, physicsToolboxCsv, sensorLoggerCsvs, sensorLoggerJson, walkSamples, wisdmLines, zipOf } from '../support/phone-app-files';
import { describeInBrowser, openApp, useBrowser } from './fixture';

const walk = walkSamples(300);
const csvs = sensorLoggerCsvs(walk);
const half = { t: walk.t.slice(0, 100), acc: walk.acc.slice(0, 300), gyro: null };
const folder = mkdtempSync(join(tmpdir(), 'motion-lab-formats-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describeInBrowser('recordings from other phone apps, on a phone', () => {
  const browser = useBrowser();

  test('one file of each app imports, the person from a part of the name or the folder, and the summary says what was found', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    const picker = page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]');

    await page.getByLabel('A part of the file name').check();
    await page.getByLabel('Which part, counting from 1 (the name split at -, _ and .)').fill('2');
    await picker.setInputFiles([
      csvFile('walking.ana-1.csv', physicsToolboxCsv(walk)),
      { name: 'walking.ben.zip', mimeType: 'application/zip', buffer: Buffer.from(await zipOf({ 'TotalAcceleration.csv': csvs.TotalAcceleration, 'Gyroscope.csv': csvs.Gyroscope })) },
      { name: 'walking.caro.json', mimeType: 'application/json', buffer: Buffer.from(sensorLoggerJson(walk, ['Accelerometer', 'Gravity'])) },
    ]);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.locator('tbody tr').allInnerTexts()).toEqual(['walking.ana-1.csv\tana\twalking', 'walking.ben.zip\tben\twalking', 'walking.caro.json\tcaro\twalking']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Import these files (3)' }).click();
    await page.getByTestId('import-summary').getByText('3 imported, 0 not imported.').waitFor();
    expect(await page.getByTestId('import-details').locator('li').allInnerTexts()).toEqual([
      'walking.ana-1.csv: Physics Toolbox CSV, timestamps in s, 100 Hz, gravity as recorded.',
      'walking.ben.zip: Sensor Logger zip, timestamps in ns, 100 Hz, gravity as recorded.',
      'walking.caro.json: Sensor Logger JSON, timestamps in ns, 100 Hz, gravity restored from the app’s gravity sensor.',
    ]);

    // A picked folder: phyphox's "Raw Data.csv" and a Sensor Logger recording's CSVs, one person per folder.
    mkdirSync(join(folder, 'class', 'dani'), { recursive: true });
    mkdirSync(join(folder, 'class', 'eli'), { recursive: true });
    writeFileSync(join(folder, 'class', 'dani', 'Raw Data.csv'), phyphoxCsv(walk, { separator: ';' }));
    writeFileSync(join(folder, 'class', 'eli', 'Accelerometer.csv'), csvs.Accelerometer);
    writeFileSync(join(folder, 'class', 'eli', 'Gravity.csv'), csvs.Gravity);
    await page.getByLabel('The folder’s name').check();
    await page.getByRole('combobox', { name: /^Label/ }).selectOption('walking');
    await page.getByTestId('import-folder').setInputFiles(join(folder, 'class'));
    await expect.poll(() => preview.locator('tbody tr td:nth-child(2)').allInnerTexts()).toEqual(['dani', 'eli', 'eli']);
    await page.getByRole('button', { name: 'Import these files (3)' }).click();
    await page.getByTestId('import-summary').getByText('2 imported, 0 not imported.').waitFor();
    // The folder's files come in the order the browser lists them.
    expect(await page.getByTestId('import-details').innerText()).toMatch(
      /^class\/dani\/Raw Data\.csv: phyphox CSV, timestamps in s, 100 Hz, gravity as recorded\.\nclass\/eli\/(Accelerometer|Gravity)\.csv \+ class\/eli\/(Accelerometer|Gravity)\.csv: Sensor Logger CSV, timestamps in ns, 100 Hz, gravity restored from the app’s gravity sensor\.$/,
    );

    // WISDM names its people and activities; phyphox without g is refused with what to export.
    await page.getByLabel('Nobody yet').check();
    await page.getByRole('combobox', { name: /^Label/ }).selectOption('');
    await picker.setInputFiles([
      { name: 'WISDM_ar_v1.1_raw.txt', mimeType: 'text/plain', buffer: Buffer.from(wisdmLines([{ user: 33, activity: 'Jogging', samples: half }, { user: 7, activity: 'Walking', samples: half }])) },
      csvFile('Raw Data.csv', phyphoxCsv(walk, { withoutG: true })),
    ]);
    await page.getByTestId('import-summary').getByText('2 imported, 1 not imported.').waitFor();
    const failure = await page.getByTestId('import-failures').innerText();
    expect(failure).toContain('Raw Data.csv: phyphox: this export has no gravity in it, and nothing to add it back from.');
    expect(failure).toContain('Record with phyphox’s “Acceleration (with g)” experiment');
    await expect.poll(() => page.getByTestId('recordings').locator('li').count()).toBe(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('in Spanish: the person from a part of the file name, previewed, and the summary worded', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/data', { locale: 'es-CO' });
    await page.getByLabel('Una parte del nombre del archivo').check();
    await page.getByLabel('Qué parte, contando desde 1 (el nombre cortado en -, _ y .)').fill('2');
    await page.getByRole('group', { name: 'Suelta archivos aquí para importarlos' }).locator('input[type=file]').setInputFiles([csvFile('caminar.ana-1.csv', physicsToolboxCsv(walk))]);
    const preview = page.getByTestId('import-preview');
    expect(await preview.locator('caption').innerText()).toBe('Lo que recibirá cada archivo');
    expect(await preview.locator('tbody tr').allInnerTexts()).toEqual(['caminar.ana-1.csv\tana\tcaminar']);
    await page.getByRole('button', { name: 'Importar estos archivos (1)' }).click();
    await page.getByTestId('import-summary').getByText('1 importados, 0 sin importar.').waitFor();
    expect(await page.getByTestId('import-details').innerText()).toBe('caminar.ana-1.csv: Physics Toolbox CSV, marcas de tiempo en s, 100 Hz, gravedad tal como se grabó.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
