/**
 * A person's name as compared: spacing and case do not make two people of one ("Ana ", "ana").
 *
 * @example
 * personKey('  Ana  María ') === personKey('ana maría'); // true
 */
export function personKey(name: string): string {
  return tidy(name).toLocaleLowerCase();
}

function tidy(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * The people to choose from when recording: everyone named on a stored recording and everyone
 * chosen before, each once under the first spelling met, in the locale's alphabetical order. Who
 * recorded decides whether a score is honest (training splits by person), so the same person must
 * be picked again rather than typed a little differently.
 *
 * @example
 * knownPeople(['Ana', 'ben', ' ana', ''], 'en'); // ['Ana', 'ben']
 */
export function knownPeople(names: Iterable<string>, locale: string): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = personKey(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, tidy(name));
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, locale, { sensitivity: 'base' }));
}
