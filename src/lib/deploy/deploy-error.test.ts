import { describe, expect, test } from 'vitest';
import { loadCatalog, locales } from '../i18n/i18n';
import { deployEn } from '../i18n/deploy.en';
import { deployEs } from '../i18n/deploy.es';
import { DeployError, deployErrorText, type DeployErrorCode, type DeployErrorParams } from './deploy-error';

/** One error of each code, with the facts a page must show, and words that must say what to do in each language. */
const examples: { [C in DeployErrorCode]: { params: DeployErrorParams[C]; facts: string[]; todo: { en: RegExp; es: RegExp } } } = {
  'no-model': { params: {}, facts: [], todo: { en: /train one/, es: /entrena uno/ } },
  'group-without-twin': { params: { group: 'jerk', features: ['jerk.max', 'jerk.mean'] }, facts: ['“jerk”', '“jerk.max”', '“jerk.mean”'], todo: { en: /Train a model without/, es: /Entrena un modelo sin/ } },
  'features-without-twin': { params: { features: ['vert.jerk'] }, facts: ['“vert.jerk”'], todo: { en: /Train a model that does not use/, es: /Entrena un modelo que no/ } },
  'inputs-out-of-order': { params: { position: 2, modelInput: 'mag.dominantHz', twinInput: 'vert.std' }, facts: ['2', '“mag.dominantHz”', '“vert.std”'], todo: { en: /Train it again/, es: /Vuelve a entrenarlo/ } },
  'input-count': { params: { modelInputs: 23, computedInputs: 22 }, facts: ['23', '22'], todo: { en: /Train it again/, es: /Vuelve a entrenarlo/ } },
  'raw-window-mismatch': { params: { modelInputs: 300, windowInputs: 450 }, facts: ['300', '450'], todo: { en: /Train it again/, es: /Vuelve a entrenarlo/ } },
  'network-unsupported': { params: { reason: 'Layer c is a Conv1D' }, facts: ['Layer c is a Conv1D'], todo: { en: /train a model in this app/, es: /entrena un modelo en esta app/ } },
  'network-shape': { params: { inputs: 22, outputs: 3, features: 21, labels: 2 }, facts: ['22', '3', '21', '2'], todo: { en: /Train the model again/, es: /Vuelve a entrenar el modelo/ } },
  'not-finite': { params: { value: 'NaN' }, facts: ['NaN'], todo: { en: /Train it again/, es: /Vuelve a entrenarlo/ } },
  'calibration-missing': { params: {}, facts: [], todo: { en: /Export it with the recordings/, es: /Expórtala con las grabaciones/ } },
  'calibration-size': { params: { width: 22, values: 5 }, facts: ['22', '5'], todo: { en: /Export it with the recordings/, es: /Expórtala con las grabaciones/ } },
  'training-split-unknown': { params: { model: 'walk or run' }, facts: ['“walk or run”'], todo: { en: /train the model again/, es: /vuelve a entrenar el modelo/ } },
  'training-recordings-gone': { params: { model: 'walk or run', recordings: ['walking-ana', 'running-ben'] }, facts: ['“walk or run”', '“walking-ana”', '“running-ben”'], todo: { en: /export from the device the model was trained on/, es: /exporta desde el dispositivo donde se entrenó/ } },
  'training-recordings-changed': { params: { model: 'walk or run', recordings: ['walking-ana'] }, facts: ['“walking-ana”'], todo: { en: /train the model again on the recordings as they are now/, es: /vuelve a entrenar el modelo con las grabaciones/ } },
  'sketch-missing': { params: { file: 'motion_lab.ino', status: 404 }, facts: ['motion_lab.ino', '404'], todo: { en: /Reload the app while online/, es: /Recarga la app con conexión/ } },
  'sketch-not-file': { params: { file: 'motion_lab.ino' }, facts: ['motion_lab.ino'], todo: { en: /Reload the app while online/, es: /Recarga la app con conexión/ } },
  'sketch-unreachable': { params: { file: 'motion_lab_windows.h' }, facts: ['motion_lab_windows.h'], todo: { en: /Reload the app while online/, es: /Recarga la app con conexión/ } },
};

describe('DeployError, worded in every language', () => {
  test('every code has an entry in both catalogs, and no catalog has an entry for a code that does not exist', () => {
    const codes = Object.keys(examples).sort();
    for (const catalog of [deployEn, deployEs]) {
      expect(Object.keys(catalog).filter((key) => key.startsWith('deploy.error.')).map((key) => key.slice('deploy.error.'.length)).sort()).toEqual(codes);
    }
  });

  test.each(Object.keys(examples) as DeployErrorCode[])('%s: the English message and the page text name what is wrong and say what to do', async (code) => {
    await loadCatalog('es');
    const { params, facts, todo } = examples[code];
    const error = new DeployError(code, params as never);
    for (const locale of locales) {
      const text = locale === 'en' ? error.message : deployErrorText(error, locale);
      expect(text, locale).not.toMatch(/\{\w+\}/);
      for (const fact of facts) expect(text, locale).toContain(fact);
      expect(text, locale).toMatch(todo[locale]);
    }
    expect(deployErrorText(error, 'en')).toBe(error.message);
    expect(deployErrorText(error, 'es')).not.toBe(error.message);
  });

  test('a list of names reads as a list in each language', async () => {
    await loadCatalog('es');
    const error = new DeployError('features-without-twin', { features: ['a', 'b', 'c'] });
    expect(error.message).toContain('“a”, “b”, and “c”');
    expect(deployErrorText(error, 'es')).toContain('“a”, “b” y “c”');
  });
});
