/**
 * Importing recordings from files: the single entry point the Data view calls for the files the
 * user picks, whatever their format. Edge Impulse CSV and JSON, and the phone apps' exports
 * (phyphox, Physics Toolbox, Sensor Logger, WISDM), each told by its content.
 */
import type { MotionSamples } from '../sensors/samples';
import { isBackupJson } from './backup';
import { parseEdgeImpulseCsv } from './csv';
import { headerNames, readDelimitedTable } from './delimited-table';
import { readEdgeImpulseJson } from './edge-impulse-json';
import { catchImportError, ImportError, type AnyImportError } from './errors';
import { folderOf, partsOfFileName } from './file-name';
import { checkFileSize, fileText, isBlank } from './file-text';
import { parseJson } from './json-fields';
import { MAX_APP_COLUMNS, readPhysicsToolbox, readPhyphox, tableApp, type AppRecording, type GravitySource, type RecordingFormat } from './phone-apps';
import { checkSamples, checkStatedRate, inMilliseconds, type TimeUnit } from './recording-rules';
import { combineSensorStreams, isSensorLoggerJson, readSensorCsv, readSensorJson, sensorOfFileName, unknownSensorFile } from './sensor-logger';
import { isWisdm, readWisdm } from './wisdm';
import { isZip, readZip } from './zip';
import { measuredRateHz } from '../signal/rate';

export interface ParsedRecording {
  /** From the format (WISDM), else the file name (`walking.SA01-D01-R01.csv` → `walking`) unless the caller chose one; null when none gives one. */
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
  format: RecordingFormat;
  /** Whether gravity was in the acceleration as recorded, or added back from the app's gravity sensor. */
  gravity: GravitySource;
  /** The person, when the format names one (WISDM's user). */
  group?: string;
  /** Records of the file passed over for an empty value, to be stated (WISDM). */
  skippedRecords?: number;
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
export type ParseRecordingsResult = { ok: true; recordings: ParsedRecording[] } | { ok: false; error: AnyImportError };

/** A file's name (a path inside a folder or zip, when there is one) and its content. */
export interface NamedContent {
  name: string;
  content: string | Uint8Array;
}

/**
 * Reads one file that holds one recording (Edge Impulse CSV or JSON, or a phone app's single
 * file). Never throws on bad input: the result carries an ImportError instead; a file of several
 * recordings (WISDM) is refused, as `parseRecordingFiles` reads those.
 *
 * @example
 * const result = parseRecordingFile(file.name, new Uint8Array(await file.arrayBuffer()));
 * if (result.ok) await save(result.recording);
 * else show(result.error.message, result.error.hint);
 */
export function parseRecordingFile(fileName: string, content: string | Uint8Array, options: ParseRecordingOptions = {}): ParseRecordingResult {
  const result = catchImportError(() => {
    const recordings = readRecordings([{ name: fileName, content }], options);
    if (recordings.length !== 1) throw new ImportError('several-recordings', { count: recordings.length }, { file: fileName });
    return recordings[0]!;
  });
  return result.ok ? { ok: true, recording: result.value } : result;
}

/**
 * Reads the files that make one import: a single file (one recording, or WISDM's many), a
 * recording's zip (Sensor Logger, phyphox), or the CSV files of one Sensor Logger recording
 * together. Never throws on bad input.
 *
 * @example
 * const result = await parseRecordingFiles([{ name: 'walking/Accelerometer.csv', content }, { name: 'walking/Gravity.csv', content: gravity }]);
 */
export async function parseRecordingFiles(files: readonly NamedContent[], options: ParseRecordingOptions = {}): Promise<ParseRecordingsResult> {
  const [first] = files;
  if (files.length === 1 && first && typeof first.content !== 'string' && isZip(first.content)) {
    const tooLarge = checkFileSize(first.name, options.byteSize ?? first.content.length);
    if (tooLarge) return { ok: false, error: tooLarge };
    try {
      const entries = await readZip(first.name, first.content, (name) => sensorOfFileName(name) !== null || /(^|\/)Raw Data\.csv$/i.test(name));
      if (entries.length === 0) throw new ImportError('no-recording-in-zip', {}, { file: first.name });
      const named = entries.map(({ name, bytes }) => ({ name: `${first.name}/${name}`, content: bytes }));
      return readAll(named, options, first.name);
    } catch (error) {
      if (error instanceof ImportError) return { ok: false, error: error as AnyImportError };
      throw error;
    }
  }
  return readAll(files, options);
}

function readAll(files: readonly NamedContent[], options: ParseRecordingOptions, origin?: string): ParseRecordingsResult {
  const result = catchImportError(() => readRecordings(files, options, origin));
  return result.ok ? { ok: true, recordings: result.value } : result;
}

/**
 * The label and name a file gives. Files the apps name themselves (`Raw Data.csv`,
 * `Accelerometer.csv`) say nothing of the recording: their folder, or the zip they came in, does.
 */
function namesOf(file: string, options: ParseRecordingOptions, origin: string | undefined, appNamed: boolean): { label: string | null; nameHint: string } {
  const folder = folderOf(file);
  const source = origin ?? (appNamed && folder ? `${folder}.folder` : file);
  const parts = appNamed && !origin && !folder ? { label: null, nameHint: file } : partsOfFileName(source);
  return { label: options.label ?? parts.label, nameHint: parts.nameHint };
}

/** An app's recording in the app's units: timestamps in ms (their unit found from their spacing), checked by the rules every recording obeys. */
function finish(file: string, app: AppRecording, named: { label: string | null; nameHint: string }): ParsedRecording {
  const { samples, unit } = inMilliseconds(file, { t: app.t, acc: app.acc, gyro: app.gyro });
  checkSamples(file, samples);
  return {
    label: app.label ?? named.label,
    nameHint: app.nameHint ?? named.nameHint,
    source: 'import',
    samples,
    rateHz: measuredRateHz(samples.t),
    timeUnit: unit,
    format: app.format,
    gravity: app.gravity,
    ...(app.group !== undefined && { group: app.group }),
    ...(app.skippedRecords !== undefined && { skippedRecords: app.skippedRecords }),
  };
}

function readRecordings(files: readonly NamedContent[], options: ParseRecordingOptions, origin?: string): ParsedRecording[] {
  const texts = files.map(({ name, content }) => {
    const tooLarge = checkFileSize(name, options.byteSize ?? content.length);
    if (tooLarge) throw tooLarge;
    const text = fileText(name, content);
    if (isBlank(text)) throw new ImportError('empty-file', {}, { file: name });
    return { file: name, text };
  });
  const format: RecordingFormat = origin ? 'Sensor Logger zip' : 'Sensor Logger CSV';
  const sensorFiles = texts.filter(({ file, text }) => sensorOfFileName(file) !== null && tableApp(headerNames(text, MAX_APP_COLUMNS + 1)) === 'sensor-logger');
  if (sensorFiles.length > 0) {
    const streams = sensorFiles.map(({ file, text }) => readSensorCsv(file, readDelimitedTable(file, text)));
    const file = sensorFiles[0]!.file;
    return [finish(file, combineSensorStreams(file, streams, format), namesOf(file, options, origin, true))];
  }
  return texts.flatMap(({ file, text }) => readOne(file, text, options, origin));
}

function readOne(file: string, text: string, options: ParseRecordingOptions, origin: string | undefined): ParsedRecording[] {
  if (isJson(file, text)) {
    const json = parseJson(file, text);
    if (isBackupJson(json)) throw new ImportError('is-backup', {}, { file });
    if (isSensorLoggerJson(json)) return [finish(file, combineSensorStreams(file, readSensorJson(file, json), 'Sensor Logger JSON'), namesOf(file, options, origin, false))];
    const { samples, intervalMs, device } = readEdgeImpulseJson(file, json);
    const rateHz = 1000 / intervalMs;
    checkStatedRate(file, rateHz);
    checkSamples(file, samples);
    const named = namesOf(file, options, origin, false);
    return [{ ...named, source: 'import', samples, rateHz, timeUnit: 'ms', format: 'Edge Impulse JSON', gravity: 'recorded', ...(device !== undefined && { device }) }];
  }
  if (isWisdm(text)) return readWisdm(file, text).map((app) => finish(file, app, namesOf(file, options, origin, false)));
  const app = tableApp(headerNames(text, MAX_APP_COLUMNS + 1));
  if (app === 'phyphox') return [finish(file, readPhyphox(file, readDelimitedTable(file, text)), namesOf(file, options, origin, /(^|\/)Raw Data\.csv$/i.test(file)))];
  if (app === 'physics-toolbox') return [finish(file, readPhysicsToolbox(file, readDelimitedTable(file, text)), namesOf(file, options, origin, false))];
  // A Sensor Logger file renamed: its header does not say which sensor it is.
  if (app === 'sensor-logger') throw unknownSensorFile(file);
  const { samples, unit } = inMilliseconds(file, parseEdgeImpulseCsv(file, text));
  checkSamples(file, samples);
  return [{ ...namesOf(file, options, origin, false), source: 'import', samples, rateHz: measuredRateHz(samples.t), timeUnit: unit, format: 'Edge Impulse CSV', gravity: 'recorded' }];
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
