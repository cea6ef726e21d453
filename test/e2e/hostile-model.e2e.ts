import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

describeInBrowser('a damaged model stored by an older version', () => {
  const browser = useBrowser();

  test('does not brick the Train page: it is listed by name, said to be damaged, and can be deleted', async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    // What an older version stored from a model file whose metrics held only the test side.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('motion-lab');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('models', 'readwrite');
            tx.objectStore('models').put({ id: 'hostile', name: 'Hostile model', createdAt: Date.now(), metrics: { test: { accuracy: 0.9 } }, preprocessing: null, artifacts: null });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.evaluate(() => (location.hash = '#/train'));
    const models = page.getByTestId('models');
    await models.getByText('Hostile model').waitFor();
    await models.getByText('This model’s record is damaged').waitFor();
    expect(await page.getByText('Something went wrong').count()).toBe(0);

    await page.reload();
    await page.getByTestId('models').getByText('Hostile model').waitFor();
    await page.getByTestId('models').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No model yet.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Train' }).waitFor();
    await page.getByText('No model yet.').waitFor();
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
