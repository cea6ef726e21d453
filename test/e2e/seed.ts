import type { Page } from 'playwright-core';

/**
 * A synthetic activity as an Edge Impulse CSV: a sway at `hz` with `amplitude` m/s² on gravity,
 * 50 Hz. Different activities differ in cadence and strength, as walking and running do.
 */
export function activityCsv(hz: number, amplitude: number, seconds: number, phase: number): string {
  const rows = Array.from({ length: seconds * 50 }, (_, i) => {
    const s = Math.sin(2 * Math.PI * hz * (i / 50) + phase);
    const c = Math.cos(2 * Math.PI * hz * (i / 50) + phase / 2);
    return `${i * 20},${(amplitude * 0.5 * s).toFixed(3)},${(amplitude * 0.3 * c).toFixed(3)},${(9.81 + amplitude * s).toFixed(3)}`;
  });
  return ['timestamp,accX,accY,accZ', ...rows].join('\n');
}

/** Imports two activities by six people through the Data page's file picker. */
export async function importSyntheticActivities(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/data'));
  const picker = page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]');
  await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('^\\w+\\.(\\w+)-');
  const people = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'];
  await picker.setInputFiles(
    people.flatMap((person, p) => [
      { name: `walking.${person}-1.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(1.8 + p * 0.04, 2, 16, p)) },
      { name: `running.${person}-1.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.8 + p * 0.04, 6, 16, p)) },
    ]),
  );
  await page.getByTestId('import-summary').getByText('12 imported, 0 not imported.').waitFor();
}

/**
 * Imports a minute of walking and running by `person`, who is not in the class: their walk is
 * stronger and their run slower than anyone's there (the files `walking.<person>-1.csv`, …).
 */
export async function importSomeoneNew(page: Page, person: string, phase: number): Promise<void> {
  await page.evaluate(() => (location.hash = '#/data'));
  await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('^\\w+\\.(\\w+)-');
  await page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]').setInputFiles([
    { name: `walking.${person}-1.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.1, 3.5, 60, phase)) },
    { name: `running.${person}-1.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.5, 5, 60, phase)) },
  ]);
  await page.getByTestId('import-summary').getByText('2 imported, 0 not imported.').waitFor();
}

/** Imports the synthetic activities, then trains a model on the Train page for `epochs` epochs. */
export async function trainSyntheticModel(page: Page, epochs: number): Promise<void> {
  await importSyntheticActivities(page);
  await page.evaluate(() => (location.hash = '#/train'));
  await page.getByText('Advanced settings').click();
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('train-results').waitFor({ timeout: 30_000 });
}
