/**
 * Edge Impulse's file naming: `<label>.<anything>.<extension>`, where the label is everything
 * before the first dot. The rest names the recording (e.g. the subject and trial), so it is
 * offered as a name.
 */

export interface FileNameParts {
  /** Null when the name has nothing before its first dot. */
  label: string | null;
  /** What follows the label, or the whole name when it has no second part. */
  nameHint: string;
}

/**
 * Reads the label and a recording name out of a file name (a path is reduced to its last part).
 *
 * @example
 * partsOfFileName('walking.SA01-D01-R01.csv') // { label: 'walking', nameHint: 'SA01-D01-R01' }
 * partsOfFileName('idle.csv') // { label: 'idle', nameHint: 'idle' }
 */
export function partsOfFileName(fileName: string): FileNameParts {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const lastDot = base.lastIndexOf('.');
  const stem = lastDot > 0 ? base.slice(0, lastDot) : base;
  const firstDot = stem.indexOf('.');
  const label = (firstDot === -1 ? stem : stem.slice(0, firstDot)).trim();
  const rest = firstDot === -1 ? '' : stem.slice(firstDot + 1).trim();
  return { label: label === '' ? null : label, nameHint: rest === '' ? stem.trim() : rest };
}

/** Characters that a file name cannot hold on some system, and (in a label) the dot that ends it. */
const unsafeInName = /[/\\:*?"<>|]/g;

/**
 * A file name that `partsOfFileName` reads back as this label and name. A dot in the label
 * becomes `_`, since the label ends at the first dot.
 *
 * @example
 * fileNameFor('walking', 'SA01-D01-R01', 'csv') // 'walking.SA01-D01-R01.csv'
 */
export function fileNameFor(label: string, nameHint: string, extension: 'csv' | 'json'): string {
  const safeLabel = label.replace(unsafeInName, '_').replaceAll('.', '_');
  const safeName = nameHint.replace(unsafeInName, '_');
  return safeName === '' ? `${safeLabel}.${extension}` : `${safeLabel}.${safeName}.${extension}`;
}

/**
 * The folder a file is in, the last one of its path (`walking/ana/Raw Data.csv` → `ana`), or
 * null for a bare name.
 */
export function folderOf(path: string): string | null {
  const parts = path.split(/[/\\]/);
  const folder = parts.length > 1 ? parts[parts.length - 2]!.trim() : '';
  return folder === '' ? null : folder;
}

/**
 * Where the person (the group) of an imported recording comes from, chosen without writing a
 * regular expression: the file's folder, a numbered part of its name, or nothing; a regular
 * expression with one capture group stays as the advanced choice.
 */
export type PersonSource = { from: 'none' } | { from: 'folder' } | { from: 'part'; index: number } | { from: 'pattern'; pattern: RegExp };

/**
 * A file name's parts: its name without folders and extension, split at `-`, `_` and `.`
 * (`walking.ana-1.csv` → walking, ana, 1). Empty parts are dropped.
 *
 * @example
 * fileNameParts('data/SA01_D01-R01.csv') // ['SA01', 'D01', 'R01']
 */
export function fileNameParts(path: string): string[] {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const lastDot = base.lastIndexOf('.');
  const stem = lastDot > 0 ? base.slice(0, lastDot) : base;
  return stem.split(/[-_.]/).map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * The person a file's path gives by the chosen source; empty when it gives none.
 *
 * @example
 * personOf('walking.ana-1.csv', { from: 'part', index: 2 }) // 'ana'
 * personOf('ana/Raw Data.csv', { from: 'folder' }) // 'ana'
 */
export function personOf(path: string, source: PersonSource): string {
  switch (source.from) {
    case 'none':
      return '';
    case 'folder':
      return folderOf(path) ?? '';
    case 'part':
      return fileNameParts(path)[source.index - 1] ?? '';
    case 'pattern':
      return source.pattern.exec(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1))?.[1] ?? '';
  }
}
