/**
 * Importing one recording from a file: the single entry point the Data view calls for each
 * file the user picks, whatever its format.
 */
import type { MotionSamples } from '../sensors/samples';
import { isBackupJson } from './backup';
import { parseEdgeImpulseCsv } from './csv';
import { readEdgeImpulseJson } from './edge-impulse-json';
import { catchImportError, ImportError, type AnyImportError } from './errors';
import { partsOfFileName } from './file-name';
import { checkFileSize, fileText, isBlank } from './file-text';
import { parseJson } from './json-fields';
import { checkSamples, checkStatedRate, inMilliseconds, type TimeUnit } from './recording-rules';
import { measuredRateHz } from '../signal/rate';

export interface ParsedRecording {
  /** From the file name (`walking.SA01-D01-R01.csv` → `walking`) unless the caller chose one; null when neither gives one. */
  label: string | null;
  /** A name for the recording: what follows the label in the file name. */
  nameHint: string;
  samples: MotionSamples;
  /** From the median interval between timestamps (CSV) or the file's interval (JSON); 0 when unknown. */
  rateHz: number;
  device?: string;
  source: 'import';
  /** The unit the file's timestamps were in, found from their spacing (always ms for JSON); the samples' are in ms. */
  timeUnit: TimeUnit;
}

export interface ParseRecordingOptions {
  /** The label to give the recording, whatever the file name says. */
  label?: string;
  /**
   * The file's size in bytes, to refuse a file over MAX_IMPORT_BYTES. Taken from the content when
   * it is bytes; for text, its length stands in (equal for ASCII).
   */
  byteSize?: number;
}

export type ParseRecordingResult = { ok: true; recording: ParsedRecording } | { ok: false; error: AnyImportError };

/**
 * Reads an Edge Impulse CSV or JSON file into a recording. The format is chosen by the content
 * and the extension together (see isJson), so a misnamed file still imports. Never throws on
 * bad input: the result carries an ImportError instead.
 *
 * @example
 * const result = parseRecordingFile(file.name, new Uint8Array(await file.arrayBuffer()));
 * if (result.ok) await save(result.recording);
 * else show(result.error.message, result.error.hint);
 */
export function parseRecordingFile(
  fileName: string,
  content: string | Uint8Array,
  options: ParseRecordingOptions = {},
): ParseRecordingResult {
  const result = catchImportError(() => readRecordingFile(fileName, content, options));
  return result.ok ? { ok: true, recording: result.value } : result;
}

function readRecordingFile(file: string, content: string | Uint8Array, options: ParseRecordingOptions): ParsedRecording {
  const tooLarge = checkFileSize(file, options.byteSize ?? content.length);
  if (tooLarge) throw tooLarge;
  const text = fileText(file, content);
  if (isBlank(text)) throw new ImportError('empty-file', {}, { file });
  const parts = partsOfFileName(file);
  const named = { label: options.label ?? parts.label, nameHint: parts.nameHint, source: 'import' } as const;

  if (isJson(file, text)) {
    const json = parseJson(file, text);
    if (isBackupJson(json)) throw new ImportError('is-backup', {}, { file });
    const { samples, intervalMs, device } = readEdgeImpulseJson(file, json);
    const rateHz = 1000 / intervalMs;
    checkStatedRate(file, rateHz);
    checkSamples(file, samples);
    return { ...named, samples, rateHz, timeUnit: 'ms', ...(device !== undefined && { device }) };
  }
  const { samples, unit } = inMilliseconds(file, parseEdgeImpulseCsv(file, text));
  checkSamples(file, samples);
  return { ...named, samples, rateHz: measuredRateHz(samples.t), timeUnit: unit };
}

/**
 * JSON when the content starts like JSON, or when the name ends in .json and the first line is
 * not a list of column names: a CSV file with the wrong extension is still read as CSV.
 */
function isJson(file: string, text: string): boolean {
  const firstLine = /\s*([^\r\n]*)/y.exec(text)?.[1] ?? '';
  if (firstLine.startsWith('{') || firstLine.startsWith('[')) return true;
  return /\.json$/i.test(file) && !firstLine.includes(',');
}
