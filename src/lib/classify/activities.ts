import type { Locale } from '../i18n/i18n';

/**
 * The activities the app itself names: the labels a new user starts with, the demo's, and the
 * three the lesson's rules answer with. A label is the user's own word, so the app finds an
 * activity in a list of labels by its name in any of its languages: a model trained on
 * "caminar" is scored against the rules' walking as one trained on "walking" is.
 */
export const activityNames = {
  walking: { en: 'walking', es: 'caminar' },
  running: { en: 'running', es: 'correr' },
  biking: { en: 'biking', es: 'bicicleta' },
  golfing: { en: 'golfing', es: 'golf' },
  stairs: { en: 'stairs', es: 'escaleras' },
} as const satisfies Record<string, Record<Locale, string>>;

export type NamedActivity = keyof typeof activityNames;

/** The activities a new user's label list holds, in the order it shows them. */
export const defaultActivities = ['walking', 'running', 'biking', 'golfing'] as const satisfies readonly NamedActivity[];

/**
 * The labels a new user starts with, in their language.
 *
 * @example
 * defaultLabels('es') // ['caminar', 'correr', 'bicicleta', 'golf']
 */
export function defaultLabels(locale: Locale): string[] {
  return defaultActivities.map((activity) => activityNames[activity][locale]);
}

/** A name as it is compared: trimmed, lower case, accents dropped ("Caminár " is "caminar"). */
function comparable(name: string): string {
  return name.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Finds activities in one list of labels: for each, the index of the label that names it in any
 * of the app's languages, case and accents aside; -1 when none does. Made once per list, asked
 * once per window.
 *
 * @example
 * const indexOf = activityIndexer(['Correr', 'caminar']);
 * indexOf('walking') // 1
 * indexOf('biking') // -1
 */
export function activityIndexer(labels: readonly string[]): (activity: NamedActivity) => number {
  const indexByName = new Map<string, number>();
  labels.forEach((label, index) => {
    const name = comparable(label);
    if (!indexByName.has(name)) indexByName.set(name, index);
  });
  const indices = new Map<NamedActivity, number>();
  for (const [activity, names] of Object.entries(activityNames) as [NamedActivity, Record<Locale, string>][]) {
    const found = Object.values(names).map((name) => indexByName.get(comparable(name)) ?? -1).filter((index) => index >= 0);
    indices.set(activity, found.length > 0 ? Math.min(...found) : -1);
  }
  return (activity) => indices.get(activity) ?? -1;
}

/**
 * How to call an activity beside `labels`: the label there that names it (in whichever language
 * it was recorded), or else its name in the user's language.
 *
 * @example
 * labelForActivity(['walking', 'running'], 'walking', 'es') // 'walking'
 * labelForActivity(['walking', 'running'], 'stairs', 'es') // 'escaleras'
 */
export function labelForActivity(labels: readonly string[], activity: NamedActivity, locale: Locale): string {
  return labels[activityIndexer(labels)(activity)] ?? activityNames[activity][locale];
}
