import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

describeInBrowser('an uncaught error', () => {
  const browser = useBrowser();

  test('shows a readable message with details that can be copied, not a blank page', async () => {
    const { context, page } = await openApp(browser(), '#/data');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('The sensor stream ended unexpectedly');
      });
    });
    const alert = page.getByRole('alert');
    await alert.getByText('Something went wrong').waitFor();
    expect(await alert.locator('.error-message').innerText()).toBe('The sensor stream ended unexpectedly');
    // The page behind it is still there.
    expect(await page.getByRole('heading', { level: 1, name: 'Data' }).isVisible()).toBe(true);

    await alert.getByRole('button', { name: 'Copy details' }).click();
    await alert.getByText('Copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Error: The sensor stream ended unexpectedly');
    expect(copied).toContain('Motion Lab 0.1.0');
    expect(copied).toContain('#/data');

    // A rejected promise nobody awaited is caught too; errors queue and are dismissed in turn.
    await page.evaluate(() => void Promise.reject(new Error('A promise nobody awaited')));
    await page.waitForFunction(() => document.querySelectorAll('[role=alert]').length === 1);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('alert').locator('.error-message', { hasText: 'A promise nobody awaited' }).waitFor();
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  test('an unknown address shows a page with a way back', async () => {
    const { context, page } = await openApp(browser(), '#/nowhere');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to Record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
    await context.close();
  });
});
