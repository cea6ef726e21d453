import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { en } from '../lib/i18n/messages.en';
import { allTextParts, textParts, type TextPart } from '../lib/i18n/text-parts';

// pages.ts reads the user's language from the settings, which need a browser; the lists are what is checked here.
vi.mock('../state/settings.svelte', () => ({ settings: { locale: 'en' } }));
const { pages } = await import('./pages');

/**
 * A page must never show a key raw: each page's code may name only keys of the first load or of
 * the text parts pages.ts loads with it. Checked by reading the code: every file a page loads
 * (its static and dynamic imports, and the workers it starts), every string in them that is a
 * key, and every key a template such as `deploy.error.${code}` can make.
 */
const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pagesFile = resolve(src, 'views/pages.ts');

/** The files a file loads: static and dynamic imports and `new URL('…', import.meta.url)` workers. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const named = ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName);
  const urls = [...source.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g)].map((match) => match[1] as string);
  return [...named, ...urls]
    .filter((specifier) => specifier.startsWith('.'))
    .flatMap((specifier) => {
      const base = resolve(dirname(file), specifier.split('?')[0] as string);
      return [base, `${base}.ts`, `${base}/index.ts`].filter((path) => /\.(ts|svelte)$/.test(path) && existsSync(path)).slice(0, 1);
    });
}

/** Every file `entry` loads, directly or not, short of the files in `stops`. */
function filesLoadedBy(entry: string, stops: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...importsOf(file).filter((target) => !stops.has(target)));
  }
  return seen;
}

/** The catalogs themselves hold every key; what counts is the code that names them. */
const isCatalog = (file: string) => /\/i18n\/[\w-]+\.(en|es)\.ts$/.test(file);

let allKeys: string[] = [];

/** The keys `files` name, with the `.hint` of each error they name (CodedError looks it up). */
function keysNamedIn(files: Iterable<string>): Set<string> {
  const named = new Set<string>();
  for (const file of files) {
    if (isCatalog(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const [, text] of source.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+)['"`]/gi)) named.add(text as string);
    for (const [, prefix] of source.matchAll(/`([a-z][\w-]*(?:\.[\w-]+)*\.)\$\{(?!string\}|number\})/gi)) {
      for (const key of allKeys) if (key.startsWith(prefix as string)) named.add(key);
    }
  }
  const keys = new Set(allKeys.filter((key) => named.has(key)));
  for (const key of [...keys]) if (allKeys.includes(`${key}.hint`)) keys.add(`${key}.hint`);
  return keys;
}

const partKeys = new Map<TextPart, string[]>();
const entries = new Map<string, string>(
  [...readFileSync(pagesFile, 'utf8').matchAll(/^ {2}'?([\w/]+)'?: page\(.*import\('(\.\/\w+\.svelte)'\)\),$/gm)].map(
    ([, route, entry]) => [route as string, resolve(dirname(pagesFile), entry as string)],
  ),
);

beforeAll(async () => {
  for (const part of allTextParts) partKeys.set(part, Object.keys(await textParts[part].en()));
  allKeys = [...Object.keys(en), ...[...partKeys.values()].flat()];
});

/** The keys the code loaded from `entry` names that neither the first load nor `parts` holds. */
function missingFrom(entry: string, parts: readonly TextPart[], stops: ReadonlySet<string>): string[] {
  const available = new Set([...Object.keys(en), ...parts.flatMap((part) => partKeys.get(part) ?? [])]);
  return [...keysNamedIn(filesLoadedBy(entry, stops))].filter((key) => !available.has(key)).sort();
}

describe('each page’s text', () => {
  test('pages.ts is read whole: every page with the file its code starts from', () => {
    expect([...entries.keys()].sort()).toEqual(Object.keys(pages).sort());
  });

  test('the shell, the guide and the notices need only the first load', () => {
    expect(missingFrom(resolve(src, 'main.ts'), [], new Set(entries.values()))).toEqual([]);
  });

  test.each(Object.entries(pages))('%s needs only the first load and the parts it loads', (route, page) => {
    expect(missingFrom(entries.get(route) as string, page.text, new Set())).toEqual([]);
  });

  test('the check finds the keys a page names, static and made from a template', () => {
    const train = keysNamedIn(filesLoadedBy(entries.get('train') as string, new Set()));
    expect(train).toContain('train.title');
    expect([...train].filter((key) => key.startsWith('deploy.error.')).length).toBeGreaterThan(3);
    expect(missingFrom(entries.get('train') as string, [], new Set())).toContain('train.title');
  });
});
