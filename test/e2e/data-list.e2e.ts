import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

/** The page's controls (not text) that stick out of the 390 px screen, and how wide the page is. */
async function offScreen(page: Page): Promise<{ controls: string[]; width: number }> {
  return page.evaluate(() => {
    const controls: string[] = [];
    for (const element of document.querySelectorAll('main button, main input, main select, main textarea, main a, main summary')) {
      const box = element.getBoundingClientRect();
      // A file input hidden behind its label, a visually hidden helper: not a control one sees.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left < 0 || box.right > window.innerWidth) {
        controls.push(`${element.tagName} “${element.textContent?.trim() || element.getAttribute('aria-label') || ''}” ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
    }
    return { controls, width: document.documentElement.scrollWidth };
  });
}

async function expectAllOnScreen(page: Page, when: string): Promise<void> {
  const { controls, width } = await offScreen(page);
  expect(controls, when).toEqual([]);
  expect(width, when).toBeLessThanOrEqual(390);
}

/** Opens the Data page at 390 px in `locale` with the demo dataset loaded; collects any native dialog. */
async function demoData(browser: Browser, locale: 'en' | 'es') {
  const app = await openApp(browser, '#/data');
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  if (locale === 'es') await app.page.getByRole('combobox').first().selectOption('es');
  await app.page.getByRole('button', { name: locale === 'en' ? 'Load the demo dataset' : 'Cargar los datos de demostración' }).click();
  await expect.poll(() => app.page.getByTestId('recordings').locator('li').count(), { timeout: 60_000 }).toBe(48);
  return { ...app, dialogs };
}

const text = {
  en: {
    search: 'Search by name',
    person: 'Person',
    shown: (shown: number, total = 48) => `${shown} of ${total} recordings shown`,
    selectAll: 'Select all shown',
    personOfSelected: 'Person of the selected',
    setPerson: 'Set person',
    personSet: (count: number) => `Recordings given the new person: ${count}.`,
    deleteSelected: 'Delete selected',
    confirm: (count: number) => `Delete the ${count} selected recordings and their samples? This cannot be undone.`,
    confirmYes: (count: number) => `Delete ${count}`,
    deleted: (count: number) => `Recordings deleted: ${count}.`,
    rename: 'Rename',
    remove: 'Remove',
    renameField: (label: string) => `New name for “${label}” (its recordings are relabelled too)`,
    emptyLabel: 'A label needs a name.',
    inUse: (count: number) => `${count} recordings use it: move or delete them first.`,
  },
  es: {
    search: 'Buscar por nombre',
    person: 'Persona',
    shown: (shown: number, total = 48) => `Se muestran ${shown} de ${total} grabaciones`,
    selectAll: 'Seleccionar las mostradas',
    personOfSelected: 'Persona de las seleccionadas',
    setPerson: 'Asignar persona',
    personSet: (count: number) => `Grabaciones con la nueva persona: ${count}.`,
    deleteSelected: 'Borrar las seleccionadas',
    confirm: (count: number) => `¿Borrar las ${count} grabaciones seleccionadas y sus muestras? No se puede deshacer.`,
    confirmYes: (count: number) => `Borrar ${count}`,
    deleted: (count: number) => `Grabaciones borradas: ${count}.`,
    rename: 'Renombrar',
    remove: 'Quitar',
    renameField: (label: string) => `Nuevo nombre para «${label}» (sus grabaciones también cambian)`,
    emptyLabel: 'Una etiqueta necesita un nombre.',
    inUse: (count: number) => `${count} grabaciones la usan: muévelas o bórralas primero.`,
  },
};

describeInBrowser('the Data list on a phone', () => {
  const browser = useBrowser();

  for (const locale of ['en', 'es'] as const) {
    const say = text[locale];

    test(`${locale}: every control fits; search, person filter, bulk person and bulk delete; labels renamed in place by keyboard; Remove says why it is off`, { timeout: 180_000 }, async () => {
      const { context, page, errors, dialogs } = await demoData(browser(), locale);
      await expectAllOnScreen(page, 'loaded');
      const list = page.getByTestId('recordings');
      const count = page.getByTestId('shown-count');

      // Search by name, accents and case ignored; then by person.
      await page.getByLabel(say.search).fill('ANA');
      await expect.poll(() => count.innerText()).toBe(say.shown(8));
      // Text content, not inner text: rows below the screen are not rendered (content-visibility), and inner text is what is rendered.
      expect(await list.locator('.name').allTextContents()).toSatisfy((names: string[]) => names.every((name) => name.endsWith('· Ana')));
      await page.getByLabel(say.search).fill('');
      await page.getByLabel(say.person, { exact: true }).selectOption('Beto');
      await expect.poll(() => count.innerText()).toBe(say.shown(8));
      expect(await list.locator('.meta').allTextContents()).toSatisfy((metas: string[]) => metas.every((meta) => meta.includes('Beto')));

      // Bulk: Beto's recordings become Zoe's.
      await page.getByRole('button', { name: say.selectAll }).click();
      expect(await page.getByTestId('selected-count').innerText()).toMatch(/8$/);
      await expectAllOnScreen(page, 'bulk actions shown');
      await page.getByLabel(say.personOfSelected).fill('Zoe');
      await page.getByRole('button', { name: say.setPerson }).click();
      await page.getByTestId('bulk-outcome').getByText(say.personSet(8)).waitFor();
      await page.getByLabel(say.person, { exact: true }).selectOption('Zoe');
      await expect.poll(() => count.innerText()).toBe(say.shown(8));
      expect(await page.getByLabel(say.person, { exact: true }).locator('option', { hasText: 'Beto' }).count()).toBe(0);

      // Bulk delete asks first, with how many; Cancel has the focus.
      await page.getByRole('button', { name: say.deleteSelected }).click();
      await page.getByText(say.confirm(8)).waitFor();
      await expectAllOnScreen(page, 'delete confirmation');
      await page.getByRole('button', { name: say.confirmYes(8) }).click();
      await page.getByTestId('bulk-outcome').getByText(say.deleted(8)).waitFor();
      await page.getByLabel(say.person, { exact: true }).selectOption({ index: 0 });
      await expect.poll(() => list.locator('li').count()).toBe(40);

      // Remove of a label in use: focusable, says why as its description, and on a click.
      const totals = page.getByTestId('label-totals');
      const first = (await totals.locator('tbody th').first().innerText()).trim();
      const remove = totals.getByRole('button', { name: `${say.remove} ${first}` });
      await remove.focus();
      expect(await remove.evaluate((button) => document.activeElement === button && button.getAttribute('aria-disabled'))).toBe('true');
      const description = await remove.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent);
      expect(description).toBe(say.inUse(10));
      // Playwright will not click what says it is disabled; a user may, or press Enter on it.
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('remove-why').innerText()).toContain(say.inUse(10));
      expect(await totals.locator('tbody th').allInnerTexts()).toContain(first);

      // Rename in place, keyboard only: Enter opens, Escape cancels, a wrong name says why, Enter saves.
      const rename = totals.getByRole('button', { name: `${say.rename} ${first}` });
      await rename.focus();
      await page.keyboard.press('Enter');
      const field = page.getByLabel(say.renameField(first));
      expect(await field.evaluate((input) => document.activeElement === input)).toBe(true);
      await expectAllOnScreen(page, 'rename field open');
      await page.keyboard.press('Escape');
      expect(await field.count()).toBe(0);
      expect(await rename.evaluate((button) => document.activeElement === button)).toBe(true);
      await page.keyboard.press('Enter');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').getByText(say.emptyLabel).waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await page.keyboard.type(`${first} renamed`);
      await page.keyboard.press('Enter');
      await totals.locator('tbody th', { hasText: `${first} renamed` }).waitFor();
      expect(await totals.getByRole('button', { name: `${say.rename} ${first} renamed` }).evaluate((button) => document.activeElement === button)).toBe(true);
      await page.getByRole('combobox', { name: locale === 'en' ? 'Show' : 'Mostrar', exact: true }).selectOption(`${first} renamed`);
      await expect.poll(() => count.innerText()).toBe(say.shown(10, 40));

      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a model is renamed in place on the Train page, in English and Spanish, with no dialog', { timeout: 240_000 }, async () => {
    const { context, page, errors, dialogs } = await demoData(browser(), 'en');
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 120_000 });
    const models = page.getByTestId('models');

    for (const [locale, rename, field, empty] of [
      ['en', 'Rename', 'New name for the model', 'A model needs a name.'],
      ['es', 'Renombrar', 'Nuevo nombre para el modelo', 'Un modelo necesita un nombre.'],
    ] as const) {
      if (locale === 'es') await page.getByRole('combobox').first().selectOption('es');
      await models.getByRole('button', { name: rename }).first().click();
      const input = models.getByRole('textbox', { name: new RegExp(`^${field}`) });
      expect(await input.evaluate((element) => document.activeElement === element)).toBe(true);
      await expectAllOnScreen(page, `${locale} model rename open`);
      await input.fill('  ');
      await page.keyboard.press('Enter');
      await models.getByRole('alert').getByText(empty).waitFor();
      await input.fill(`Demo model ${locale}`);
      await page.keyboard.press('Enter');
      await models.locator('strong', { hasText: `Demo model ${locale}` }).waitFor();
      expect(await input.count()).toBe(0);
    }

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
