import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { baseUrl, describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';
import { readStored, startRecording, upgradeDatabase } from './two-tabs';

/** Every page of the app, by its address: what a tab may be showing when the database changes under it. */
const pages = ['#/record', '#/data', '#/train', '#/live', '#/learn/regression', '#/learn/digits'] as const;

/** The stored labels and each recording's label, read by the page from IndexedDB. */
async function storedLabels(page: Page): Promise<{ labels: string[]; recordings: { name: string; label: string; interrupted: boolean }[] }> {
  const { rows } = await readStored<{ labels: { name: string }[]; recordings: { name: string; label: string; interrupted: boolean }[] }>(page, ['labels', 'recordings']);
  return { labels: rows.labels.map((label) => label.name), recordings: rows.recordings.map(({ name, label, interrupted }) => ({ name, label, interrupted })) };
}

/** What shows a crash on the page: the crash panel, a raw database error, an uncaught error. */
async function crashes(page: Page, errors: string[]): Promise<string[]> {
  const panel = page.getByRole('alert').filter({ hasText: /Something went wrong|Algo salió mal/ });
  const raw = page.getByText(/VersionError|InvalidStateError|connection is closing/);
  return [...(await panel.count()) > 0 ? [await panel.first().innerText()] : [], ...(await raw.count()) > 0 ? [await raw.first().innerText()] : [], ...errors];
}

describeInBrowser('two tabs, on every page', () => {
  const browser = useBrowser();

  test('a tab on any page says a newer version took the database in another tab, and offers Reload', async () => {
    const problems: string[] = [];
    for (const [locale, says, reload] of [
      ['en-US', 'A newer version of Motion Lab was opened in another tab', 'Reload'],
      ['es-CO', 'Se abrió una versión más nueva de Motion Lab en otra pestaña', 'Recargar'],
    ] as const) {
      for (const hash of pages) {
        const { context, page, errors } = await openApp(browser(), hash, { locale });
        // The page's own reads are done: the database is open in this tab when the other upgrades it.
        await page.waitForTimeout(500);
        const newerTab = await context.newPage();
        await newerTab.goto(`${baseUrl}/#/data`);
        await upgradeDatabase(newerTab);
        const notice = page.getByText(says);
        await notice.waitFor({ timeout: 5000 }).catch(() => problems.push(`${locale} ${hash}: no notice`));
        if ((await page.getByRole('button', { name: reload, exact: true }).count()) === 0) problems.push(`${locale} ${hash}: no Reload`);
        for (const crash of await crashes(page, errors)) problems.push(`${locale} ${hash}: ${crash}`);
        // Going on to another page of this old tab says the same, and crashes nowhere.
        const next = hash === '#/train' ? '#/live' : '#/train';
        await page.evaluate((to) => (location.hash = to), next);
        await page.waitForTimeout(800);
        if ((await notice.count()) === 0) problems.push(`${locale} ${hash} then ${next}: no notice`);
        for (const crash of await crashes(page, errors)) problems.push(`${locale} ${hash} then ${next}: ${crash}`);
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('an older app meeting a newer database says so on every page, never as a crash', async () => {
    const problems: string[] = [];
    for (const [locale, says] of [
      ['en-US', 'The data on this device was saved by a newer version of Motion Lab'],
      ['es-CO', 'Los datos de este dispositivo los guardó una versión de Motion Lab más nueva'],
    ] as const) {
      for (const hash of pages) {
        const { context, page, errors } = await openApp(browser(), hash, { locale });
        await upgradeDatabase(page, 50);
        await page.reload();
        await waitForReady(page);
        await page
          .getByRole('alert')
          .filter({ hasText: says })
          .waitFor({ timeout: 5000 })
          .catch(() => problems.push(`${locale} ${hash}: no notice`));
        await page.waitForTimeout(800);
        for (const crash of await crashes(page, errors)) problems.push(`${locale} ${hash}: ${crash}`);
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('a label is not renamed under a recording in progress in another tab: the rename says why, and works once it stops', async () => {
    const { context, page: recordingTab, errors } = await openApp(browser(), '#/record');
    const { stopSway } = await startRecording(context, recordingTab);
    await recordingTab.waitForTimeout(1500);

    const otherTab = await context.newPage();
    await otherTab.goto(`${baseUrl}/#/data`);
    await waitForReady(otherTab);
    const labels = otherTab.getByTestId('label-totals');
    await labels.getByRole('button', { name: 'Rename walking' }).click();
    // One field, its name in the language shown.
    const field = labels.getByRole('textbox');
    await field.fill('strolling');
    await field.press('Enter');
    await labels.getByText('“walking” cannot be renamed while “walking 1” is being recorded with it in another tab: stop that recording, then rename the label.').waitFor();
    // Said in the reader's language too.
    await otherTab.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await field.press('Enter');
    await labels.getByText('«walking» no se puede renombrar mientras «walking 1» se está grabando con esa etiqueta en otra pestaña').waitFor();
    expect(await storedLabels(otherTab)).toMatchObject({ labels: expect.arrayContaining(['walking']), recordings: [{ label: 'walking', interrupted: true }] });

    await recordingTab.getByRole('button', { name: 'Stop' }).click();
    await recordingTab.getByTestId('record-saved').waitFor();
    await stopSway();
    // Stopped there: the same rename goes through, and the finished recording has the new label.
    await field.press('Enter');
    await field.waitFor({ state: 'detached' });
    const { labels: stored, recordings } = await storedLabels(otherTab);
    expect(stored).toContain('strolling');
    expect(stored).not.toContain('walking');
    expect(recordings).toEqual([{ name: 'walking 1', label: 'strolling', interrupted: false }]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
