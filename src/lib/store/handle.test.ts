import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The store owns its format: outside src/lib/store, nothing opens the database or holds its raw
 * handle (`openMotionDb`, idb's `openDB`, `MotionDb`, `.db`); everything goes through
 * `MotionStore`'s methods. The store's own tests may use the handle to look under its methods;
 * tests elsewhere may delete a temporary database (idb's `deleteDB`), which holds no handle.
 */
const store = dirname(fileURLToPath(import.meta.url));
const src = join(store, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === store ? [] : sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** What a file may not do outside the store, each with the pattern that finds it. */
const forbidden: [string, RegExp][] = [
  ['imports the database module', /from\s+['"][./]*(lib\/)?store\/(db|schema)['"]/],
  ['opens IndexedDB', /\bindexedDB\.open\b|\bopenMotionDb\b|\bopenDB\b/],
  ['names the raw handle type', /\bMotionDb\b/],
  ['uses a raw `.db` handle', /\.db\b/],
];

function problemsIn(text: string): string[] {
  return forbidden.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

describe('the database handle stays inside the store', () => {
  it('finds each kind of use it forbids', () => {
    expect(problemsIn("import { openMotionDb } from '../lib/store/db';")).toEqual(['imports the database module', 'opens IndexedDB']);
    expect(problemsIn("import { openDB } from 'idb';")).toEqual(['opens IndexedDB']);
    expect(problemsIn("import { deleteDB } from 'idb';")).toEqual([]);
    expect(problemsIn('const db: MotionDb = await x;')).toEqual(['names the raw handle type']);
    expect(problemsIn('await listModels((await dataset.store()).db);')).toEqual(['uses a raw `.db` handle']);
    expect(problemsIn('await (await dataset.store()).models.list();')).toEqual([]);
  });

  it('no file under src outside src/lib/store opens the database or uses its handle', () => {
    const found = sourceFiles(src).flatMap((file) => problemsIn(readFileSync(file, 'utf8')).map((what) => `${relative(src, file)} ${what}`));
    expect(found).toEqual([]);
  });
});
