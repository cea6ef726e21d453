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
// windows-1252 is what Excel in Spanish (and other Western languages) writes for "CSV": a
// superset of Latin-1, so it reads Latin-1 files too.
const windows1252 = new TextDecoder('windows-1252');

/** Control characters no text file has (all but tab, line feed, form feed and carriage return): a binary file's. */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return true;
  }
  return false;
}

/**
 * A file's content as text: UTF-16 when a byte order mark says so, else UTF-8, else (bytes that
 * are not valid UTF-8, as spreadsheet programs write with accents) windows-1252. A byte order mark
 * is dropped. A file with control characters in it is not text. Throws ImportError.
 */
export function fileText(fileName: string, content: string | Uint8Array): string {
  if (typeof content === 'string') return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const utf16 = content[0] === 0xff && content[1] === 0xfe ? 'utf-16le' : content[0] === 0xfe && content[1] === 0xff ? 'utf-16be' : undefined;
  try {
    // The decoders drop a byte order mark themselves.
    if (utf16) return new TextDecoder(utf16, { fatal: true }).decode(content);
    return utf8.decode(content);
  } catch {
    if (utf16 || hasBinaryBytes(content)) throw new ImportError('not-text', {}, { file: fileName });
    return windows1252.decode(content);
  }
}

/** Whether the text holds nothing but white space. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}
