import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { importSyntheticActivities, trainSyntheticModel } from './seed';

/** The zip is opened with unzip and both builds compiled with gcc; under CI their absence fails the test. */
const tools = spawnSync('unzip', ['-v']).status === 0 && spawnSync('gcc', ['--version']).status === 0;

describeInBrowser('deploying a model to a microcontroller', () => {
  const browser = useBrowser();

  test.skipIf(!tools && process.env.CI !== 'true')('train, then download the model for a board: both C builds compile and the sketch folder is complete', { timeout: 120_000 }, async () => {
    const { context, page, errors, foreignRequests } = await openApp(browser(), '#/train');
    const deploy = page.getByTestId('deploy');
    await deploy.getByText('Train a model first').waitFor();

    await importSyntheticActivities(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Train' }).click();
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('5');
    // What the network sees is the user's choice too, and travels with the model to the board.
    await page.getByLabel('Window (s)').fill('3');
    await page.getByLabel('Motion along and across gravity').uncheck();
    await page.getByLabel('Rhythm and shape of |a| and of the motion along gravity: repeats, skew, jerk, tilt').uncheck();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 30_000 });

    // The section ends the page: the offline notice, still up, must not cover it.
    await page.getByTestId('offline-ready').waitFor();
    await deploy.getByRole('button', { name: 'Download for a microcontroller' }).click();
    const sizes = deploy.getByTestId('deploy-sizes');
    await sizes.waitFor({ timeout: 30_000 });
    expect(await sizes.locator('tbody th').allTextContents()).toEqual(['float32', 'int8']);
    const [download] = await Promise.all([page.waitForEvent('download'), deploy.getByRole('link', { name: 'Save motion-model.zip' }).click()]);
    expect(download.suggestedFilename()).toBe('motion-model.zip');
    const zip = (await download.path()) ?? '';

    const dir = mkdtempSync(join(tmpdir(), 'motion-lab-deploy-e2e-'));
    try {
      expect(spawnSync('unzip', ['-q', zip, '-d', dir]).status).toBe(0);
      const root = join(dir, 'motion_model');
      for (const file of ['motion_lab/motion_lab.ino', 'motion_lab/motion_lab_protocol.h', 'motion_lab/motion_lab_windows.h', 'motion_lab/motion_model.c', 'tfjs/weights.bin', 'tflite/motion_model.tflite']) {
        expect(readFileSync(join(root, file)).length, file).toBeGreaterThan(0);
      }
      const header = readFileSync(join(root, 'int8/motion_model.h'), 'utf8');
      expect(header).toContain('#define MOTION_MODEL_LABELS 2');
      expect(header).toContain('#define MOTION_MODEL_WINDOW_SAMPLES 150');
      // The magnitude's log band powers and its cadence: the spectrum group alone.
      expect(header).toContain('#define MOTION_MODEL_FEATURES 7');
      expect(readFileSync(join(root, 'motion_lab/motion_lab.ino'), 'utf8')).toContain('__has_include("motion_model.h")');
      for (const build of ['float32', 'int8']) {
        const compiled = spawnSync('gcc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-c', '-o', join(dir, `${build}.o`), join(root, build, 'motion_model.c')], { encoding: 'utf8' });
        expect(compiled.stderr).toBe('');
        expect(compiled.status).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  test('in Spanish, a sketch file the server no longer has is refused in Spanish, naming the file, and no zip is offered', { timeout: 90_000 }, async () => {
    // Without the service worker the sketch's fetch reaches the network, where the route answers 404.
    const { context, page, errors } = await openApp(browser(), '#/train', { serviceWorkers: 'block' });
    await trainSyntheticModel(page, 3);
    await page.getByLabel('Language').selectOption('es');
    await page.route(/motion_lab-[\w-]+\.ino$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    const deploy = page.getByTestId('deploy');
    await deploy.getByRole('button', { name: 'Descargar para un microcontrolador' }).click();
    const alert = deploy.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toBe(
      'No se pudo leer el archivo motion_lab.ino del sketch de la placa (el servidor respondió 404), así que el zip quedaría incompleto. Recarga la app con conexión a internet y vuelve a exportar.',
    );
    expect(await deploy.getByRole('link').count()).toBe(0);
    // A console error for the failed fetch is Chromium's own; nothing was thrown.
    expect(errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });

  test.skipIf(!tools && process.env.CI !== 'true')('its recordings deleted: the model still downloads for a board, without int8, and the page and README say why', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await trainSyntheticModel(page, 3);
    await page.evaluate(() => (location.hash = '#/data'));
    const recordings = page.getByTestId('recordings').locator('button.summary');
    for (let left = 12; left > 0; left -= 1) {
      await recordings.first().click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => recordings.count()).toBe(left - 1);
    }
    await page.evaluate(() => (location.hash = '#/train'));
    const deploy = page.getByTestId('deploy');
    await deploy.getByRole('button', { name: 'Download for a microcontroller' }).click();
    const sizes = deploy.getByTestId('deploy-sizes');
    await sizes.waitFor({ timeout: 30_000 });
    expect(await sizes.locator('tbody th').allTextContents()).toEqual(['float32']);
    expect(await deploy.getByTestId('deploy-no-int8').innerText()).toMatch(/^No int8 build in this zip: .* no longer on this device\. .*record or import “running” and “walking” again/);
    const [download] = await Promise.all([page.waitForEvent('download'), deploy.getByRole('link', { name: 'Save motion-model.zip' }).click()]);
    const zip = (await download.path()) ?? '';
    const listed = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    const names = listed.stdout.trim().split('\n');
    expect(names.filter((name) => name.includes('/int8/'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['motion_model/README.md', 'motion_model/float32/motion_model.c', 'motion_model/motion_lab/motion_lab.ino', 'motion_model/tflite/motion_model.tflite', 'motion_model/tfjs/weights.bin']));
    expect(spawnSync('unzip', ['-p', zip, 'motion_model/README.md'], { encoding: 'utf8' }).stdout).toContain('There is no int8/ build in this export');
    expect(errors).toEqual([]);
    await context.close();
  });
});
