import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The core's shape, checked on every test run: no import cycle between its files or between its
 * folders (data flows one way: sensors → signal → model → store → classify → train → …), and no
 * file of the core reaching up into the views, the app's state or Svelte.
 */
const lib = dirname(fileURLToPath(import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file names: static and dynamic imports, re-exports, and `new URL('…', import.meta.url)` workers and assets. */
function importsOf(source: string): string[] {
  const named = ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
  const urls = [...source.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g)].map((match) => match[1] as string);
  return [...named, ...urls];
}

const files = sourceFiles(lib);
const known = new Set(files);
const fileEdges = new Map<string, string[]>();
const outside: string[] = [];
for (const file of files) {
  const targets: string[] = [];
  for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
    if (specifier === 'svelte' || specifier.startsWith('svelte/')) outside.push(`${relative(lib, file)} imports ${specifier}`);
    if (!specifier.startsWith('.')) continue;
    const base = resolve(dirname(file), specifier.split('?')[0] as string);
    const target = [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
    if (target) targets.push(target);
    else if (!base.startsWith(lib + '/') || /\.svelte(\.ts)?$/.test(base)) outside.push(`${relative(lib, file)} imports ${specifier}`);
  }
  fileEdges.set(file, targets);
}

/** Each cycle of the graph, as one path around it (Tarjan's strongly connected components). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.reverse());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const folderOf = (file: string): string => relative(lib, file).split('/')[0] as string;

const readIfExists = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/**
 * Every file of the app (the core, the state, the views, the CLI) with the core files it imports:
 * what each folder must offer in its index.ts.
 */
const root = resolve(lib, '..');
function appFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return appFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}
const importers = new Map(
  appFiles(root).map((file) => {
    const targets = importsOf(readFileSync(file, 'utf8')).flatMap((specifier) => {
      if (!specifier.startsWith('.')) return [];
      const base = resolve(dirname(file), specifier.split('?')[0] as string);
      return [base, `${base}.ts`].filter((candidate) => known.has(candidate));
    });
    return [file, targets] as const;
  }),
);

describe('the core under src/lib', () => {
  it('has files that import one another without a cycle', () => {
    expect(cycles(fileEdges).map((cycle) => cycle.map((file) => relative(lib, file)).join(' → '))).toEqual([]);
  });

  it('has folders that depend on one another in one direction only', () => {
    const folderEdges = new Map<string, Set<string>>();
    const because = new Map<string, string>();
    for (const [file, targets] of fileEdges) {
      for (const target of targets) {
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from === to || from.endsWith('.ts') || to.endsWith('.ts')) continue;
        folderEdges.set(from, (folderEdges.get(from) ?? new Set()).add(to));
        because.set(`${from} ${to}`, `${relative(lib, file)} → ${relative(lib, target)}`);
      }
    }
    const graph = new Map([...folderEdges].map(([from, to]) => [from, [...to]]));
    const explained = cycles(graph).map((cycle) => cycle.map((from, i) => because.get(`${from} ${cycle[(i + 1) % cycle.length]}`) ?? from).join('; '));
    expect(explained).toEqual([]);
  });

  it('gives each folder a face: an index.ts that says what the folder offers and re-exports every file the others import', () => {
    const folders = [...new Set(files.map(folderOf))].filter((folder) => !folder.endsWith('.ts'));
    const faceless = folders.filter((folder) => !/^\/\*\*\n \* \S/.test(readIfExists(join(lib, folder, 'index.ts'))));
    expect(faceless).toEqual([]);
    const offered = new Map(
      folders.map((folder) => {
        const face = readIfExists(join(lib, folder, 'index.ts'));
        return [folder, new Set([...face.matchAll(/^export (?:\*|\{[^}]*\}) from '\.\/([^']+)';$/gm)].map((match) => join(lib, folder, `${match[1]}.ts`)))];
      }),
    );
    const hidden: string[] = [];
    for (const file of [...importers.keys()]) {
      for (const target of importers.get(file) ?? []) {
        const folder = folderOf(target);
        if (folder.endsWith('.ts') || (file.startsWith(lib + '/') && folderOf(file) === folder)) continue;
        if (!offered.get(folder)?.has(target)) hidden.push(`${relative(root, file)} imports ${relative(lib, target)}, which ${folder}/index.ts does not offer`);
      }
    }
    expect(hidden).toEqual([]);
  });

  it('stays framework-free: nothing in it imports Svelte, the state or the views', () => {
    expect(outside).toEqual([]);
  });

  it('is read whole by this check (it finds the imports it looks for)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...fileEdges.values()].flat().length).toBeGreaterThan(100);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
