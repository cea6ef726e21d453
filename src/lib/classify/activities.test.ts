import { describe, expect, test } from 'vitest';
import { locales } from '../i18n/i18n';
import { activityIndexer, activityNames, defaultLabels, labelForActivity } from './activities';
import { ruleLabels } from './rules';

describe('the activities the app names', () => {
  test('a new user starts with four short labels in their language', () => {
    expect(defaultLabels('en')).toEqual(['walking', 'running', 'biking', 'golfing']);
    expect(defaultLabels('es')).toEqual(['caminar', 'correr', 'bicicleta', 'golf']);
  });

  test('no two activities share a name in any language', () => {
    const names = Object.values(activityNames).flatMap((byLocale) => locales.map((locale) => byLocale[locale]));
    expect(new Set(names).size).toBe(names.length);
  });

  test('each rule activity is found in a label list in either language, case and accents aside', () => {
    for (const locale of locales) {
      const labels = ['golf', ...ruleLabels.map((activity) => activityNames[activity][locale].toUpperCase())];
      const indexOf = activityIndexer(labels);
      expect(ruleLabels.map(indexOf)).toEqual([1, 2, 3]);
    }
    expect(activityIndexer(['Cáminar ', 'walking'])('walking')).toBe(0);
    expect(activityIndexer(['jogging', 'walk'])('walking')).toBe(-1);
    expect(activityIndexer([])('running')).toBe(-1);
  });

  test('an activity is called by the label that names it, else by its name in the user’s language', () => {
    expect(labelForActivity(['walking', 'running'], 'walking', 'es')).toBe('walking');
    expect(labelForActivity(['walking', 'running'], 'stairs', 'es')).toBe('escaleras');
    expect(labelForActivity(['Escaleras'], 'stairs', 'en')).toBe('Escaleras');
    expect(labelForActivity([], 'biking', 'en')).toBe('biking');
  });
});
