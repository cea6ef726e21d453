import { ImportError, type AnyImportError } from './errors';

/** The largest file a recording may be imported from; the text and its samples must fit in memory together. */
export const MAX_IMPORT_BYTES = 100 * 2 ** 20;

/**
 * Refuses a file that is too large before anything reads it: call it with the size the file
 * picker reports, and read the file only when it returns null.
 *
 * @example
 * const refusal = checkFileSize(file.name, file.size);
 * if (refusal) show(refusal.message, refusal.hint);
 */
export function checkFileSize(fileName: string, sizeBytes: number): AnyImportError | null {
  if (sizeBytes <= MAX_IMPORT_BYTES) return null;
  return new ImportError('file-too-large', { sizeBytes, limitBytes: MAX_IMPORT_BYTES }, { file: fileName });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's content as text: bytes are read as UTF-8 (anything else is not a file this app
 * reads), and a byte order mark, which some spreadsheet programs write, is dropped.
 * Throws ImportError.
 */
export function fileText(fileName: string, content: string | Uint8Array): string {
  if (typeof content === 'string') return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  try {
    // The decoder drops a byte order mark itself.
    return utf8.decode(content);
  } catch {
    throw new ImportError('not-text', {}, { file: fileName });
  }
}

/** Whether the text holds nothing but white space. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}
