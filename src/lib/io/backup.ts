/**
 * A backup: the whole dataset in one file, restored exactly as it was saved.
 *
 * ```json
 * {"format":"motion-lab-backup","version":1,
 *  "labels":["walking","running"],"groups":["SA01"],
 *  "recordings":[{"recording":{…every Recording field…},
 *                 "samples":{"t":"<base64>","acc":"<base64>","gyro":null}}]}
 * ```
 *
 * Samples are stored as the bytes of their typed arrays, little-endian, in base64: decimal text
 * would be three times larger and need care to read back bit for bit. The rest is plain JSON, so
 * a person can still read what a backup holds.
 */
import { accAxes, gyroAxes, type Axis, type MotionSamples } from '../sensors/samples';
import type { Gap, Recording, SourceKind, SpeedFix } from '../store/recording';
import { describeSamples } from '../store/recordings';
import { decodeBase64, encodeBase64 } from './base64';
import { catchImportError, ImportError, type AnyImportError } from './errors';
import { excerpt } from '../i18n/excerpt';
import { fileText, isBlank } from './file-text';
import { JsonFields, parseJson } from './json-fields';
import { checkSamples } from './recording-rules';

export const backupFormat = 'motion-lab-backup';
export const backupVersion = 1;

export interface RecordingWithSamples {
  recording: Recording;
  samples: MotionSamples;
}

export interface Dataset {
  /** Every label, in the app's order; some may have no recordings yet. */
  labels: string[];
  /** The recordings' groups (subjects), in order of first appearance. */
  groups: string[];
  recordings: RecordingWithSamples[];
}

/** A recording a backup holds but that cannot be restored, and why: the others still restore. */
export interface RefusedRecording {
  /** The recording's name, or its place in the file (`recording 3`) when the name is unreadable. */
  name: string;
  error: AnyImportError;
}

/** A backup as read: what restores, and what does not. */
export interface ParsedBackup extends Dataset {
  refused: RefusedRecording[];
}

/**
 * Writes the dataset as one backup file. Labels that recordings use but the list lacks are
 * added to it, and each recording's count, length and rate are measured again from its samples,
 * so that every backup restores.
 *
 * @example
 * const text = exportBackup({ labels: ['walking'], recordings: [{ recording, samples }] });
 * download(new Blob([text], { type: 'application/json' }), 'motion-lab-backup.json');
 */
export function exportBackup(dataset: { labels: readonly string[]; recordings: readonly RecordingWithSamples[] }): string {
  const recordings = dataset.recordings;
  const labels = [...new Set([...dataset.labels, ...recordings.map(({ recording }) => recording.label)])];
  const groups = [...new Set(recordings.map(({ recording }) => recording.group))];
  return JSON.stringify({
    format: backupFormat,
    version: backupVersion,
    labels,
    groups,
    recordings: recordings.map(({ recording, samples }) => ({
      recording: { ...recording, ...describeSamples(samples) },
      samples: {
        t: floatsToBase64(samples.t, float64),
        acc: floatsToBase64(samples.acc, float32),
        gyro: samples.gyro && floatsToBase64(samples.gyro, float32),
      },
    })),
  });
}

/** A backup's file name, dated (UTC) `atMs`: motion-lab-backup-2026-12-03.json. */
export function backupFileName(atMs: number): string {
  return `${backupFormat}-${new Date(atMs).toISOString().slice(0, 10)}.json`;
}

/** Whether parsed JSON is meant as a backup (valid or not), so a recording import can point the user to restore. */
export function isBackupJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === backupFormat;
}

/**
 * Reads a backup, checking every field: types, sample arrays of the length `sampleCount` says,
 * gyroscope data exactly when the axes include it, distinct ids, labels and groups from the
 * file's lists, and each recording's samples by the rules an import applies (checkSamples). A
 * damaged file is refused whole; a damaged recording is set aside in `refused`, by name, and the
 * others still restore. Never throws on bad input.
 *
 * @example
 * const result = parseBackup(file.name, new Uint8Array(await file.arrayBuffer()));
 * if (result.ok) await restore(result.backup); // and name result.backup.refused
 * else show(result.error.message, result.error.hint);
 */
export function parseBackup(
  fileName: string,
  content: string | Uint8Array,
): { ok: true; backup: ParsedBackup } | { ok: false; error: AnyImportError } {
  const result = catchImportError(() => readBackup(fileName, content));
  return result.ok ? { ok: true, backup: result.value } : result;
}

function readBackup(file: string, content: string | Uint8Array): ParsedBackup {
  const text = fileText(file, content);
  if (isBlank(text)) throw new ImportError('empty-file', {}, { file });
  const json = parseJson(file, text);
  if (!isBackupJson(json)) throw new ImportError('not-a-backup', {}, { file });
  const fields = new JsonFields(file);
  const root = fields.root(json);
  const version = fields.count(root.version, 'version');
  if (version !== backupVersion) {
    throw new ImportError('unsupported-version', { version, supported: backupVersion }, { file });
  }
  const labels = fields.distinctStrings(root.labels, 'labels');
  const groups = fields.distinctStrings(root.groups, 'groups');
  const ids = new Set<string>();
  const recordings: RecordingWithSamples[] = [];
  const refused: RefusedRecording[] = [];
  fields.array(root.recordings, 'recordings').forEach((entry, i) => {
    const read = catchImportError(() => readEntry(fields, entry, `recordings[${i}]`, { labels, groups, ids }));
    if (read.ok) {
      ids.add(read.value.recording.id);
      recordings.push(read.value);
    } else {
      refused.push({ name: nameOfEntry(entry, i), error: read.error });
    }
  });
  return { labels, groups, recordings, refused };
}

/** One recording of a backup, checked whole: its row, its samples, and what they refer to. */
function readEntry(
  fields: JsonFields,
  entry: unknown,
  path: string,
  known: { labels: readonly string[]; groups: readonly string[]; ids: ReadonlySet<string> },
): RecordingWithSamples {
  const file = fields.file;
  const { recording: recordingJson, samples: samplesJson } = fields.object(entry, path);
  const recording = readRecording(fields, recordingJson, `${path}.recording`);
  for (const [key, list] of [['label', 'labels'], ['group', 'groups']] as const) {
    const value = recording[key];
    if (!known[list].includes(value)) {
      throw new ImportError('unknown-reference', { path: `${path}.recording.${key}`, value: value, list }, { file });
    }
  }
  if (known.ids.has(recording.id)) {
    throw new ImportError('duplicate-value', { path: `${path}.recording.id`, value: recording.id }, { file });
  }
  const samples = readSamples(fields, samplesJson, `${path}.samples`, recording);
  checkSamples(file, samples, `${path}.samples`);
  return { recording, samples };
}

/** How to name a recording that cannot be read: by its name if that much is readable. */
function nameOfEntry(entry: unknown, index: number): string {
  const recording = typeof entry === 'object' && entry !== null ? (entry as { recording?: unknown }).recording : undefined;
  const name = typeof recording === 'object' && recording !== null ? (recording as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? excerpt(name) : `#${index + 1}`;
}

/** Every source kind, as a record so that a kind added to SourceKind must be added here too. */
const sourceKinds: Record<SourceKind, true> = { phone: true, bluetooth: true, serial: true, replay: true, import: true };

function readRecording(fields: JsonFields, value: unknown, path: string): Recording {
  const json = fields.object(value, path);
  const at = (key: string) => `${path}.${key}`;
  const source = fields.string(json.source, at('source'));
  if (!Object.hasOwn(sourceKinds, source)) fields.fail(at('source'), 'source');
  return {
    id: fields.string(json.id, at('id')),
    name: fields.string(json.name, at('name')),
    label: fields.string(json.label, at('label')),
    group: fields.string(json.group, at('group')),
    source: source as SourceKind,
    device: fields.string(json.device, at('device')),
    rateHz: nonNegative(fields, json.rateHz, at('rateHz')),
    startedAt: fields.number(json.startedAt, at('startedAt')),
    durationMs: nonNegative(fields, json.durationMs, at('durationMs')),
    sampleCount: fields.count(json.sampleCount, at('sampleCount')),
    axes: readAxes(fields, json.axes, at('axes')),
    notes: fields.string(json.notes, at('notes')),
    interrupted: fields.boolean(json.interrupted, at('interrupted')),
    lostSamples: fields.count(json.lostSamples, at('lostSamples')),
    gaps: fields.array(json.gaps, at('gaps')).map((gap, i) => readGap(fields, gap, at(`gaps[${i}]`))),
    speedFixes: fields.array(json.speedFixes, at('speedFixes')).map((fix, i) => readSpeedFix(fields, fix, at(`speedFixes[${i}]`))),
  };
}

/** A rate or a length: finite, and never below zero (an import refuses a recording that goes back in time). */
function nonNegative(fields: JsonFields, value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fields.fail(path, 'non-negative-number');
  return value;
}

/** The accelerometer's three axes, and the gyroscope's three or none, each once, in any order. */
function readAxes(fields: JsonFields, value: unknown, path: string): Axis[] {
  const axes = fields.array(value, path).map((axis, i) => fields.string(axis, `${path}[${i}]`));
  const known: readonly string[] = [...accAxes, ...gyroAxes];
  const gyroCount = axes.filter((axis) => (gyroAxes as readonly string[]).includes(axis)).length;
  const valid =
    axes.every((axis) => known.includes(axis)) &&
    new Set(axes).size === axes.length &&
    accAxes.every((axis) => axes.includes(axis)) &&
    (gyroCount === 0 || gyroCount === 3);
  if (!valid) fields.fail(path, 'axes');
  return axes as Axis[];
}

function readGap(fields: JsonFields, value: unknown, path: string): Gap {
  const json = fields.object(value, path);
  const gap: Gap = {
    atMs: fields.number(json.atMs, `${path}.atMs`),
    durationMs: fields.number(json.durationMs, `${path}.durationMs`),
  };
  if (json.lostSamples !== undefined) gap.lostSamples = fields.count(json.lostSamples, `${path}.lostSamples`);
  return gap;
}

function readSpeedFix(fields: JsonFields, value: unknown, path: string): SpeedFix {
  const json = fields.object(value, path);
  return {
    t: fields.number(json.t, `${path}.t`),
    speedMs: fields.number(json.speedMs, `${path}.speedMs`),
    accuracyM: fields.number(json.accuracyM, `${path}.accuracyM`),
  };
}

function readSamples(fields: JsonFields, value: unknown, path: string, recording: Recording): MotionSamples {
  const json = fields.object(value, path);
  const n = recording.sampleCount;
  const read = <A extends Float32Array | Float64Array>(key: string, kind: FloatKind<A>, expected: number): A => {
    const values = base64ToFloats(fields.string(json[key], `${path}.${key}`), kind);
    if (values === null) fields.fail(`${path}.${key}`, 'base64');
    if (values.length !== expected) {
      throw new ImportError('length-mismatch', { path: `${path}.${key}`, found: values.length, expected }, { file: fields.file });
    }
    return values;
  };
  const hasGyro = recording.axes.includes('gyroX');
  if (!hasGyro && json.gyro !== null) fields.fail(`${path}.gyro`, 'absent');
  return {
    t: read('t', float64, n),
    acc: read('acc', float32, n * 3),
    gyro: hasGyro ? read('gyro', float32, n * 3) : null,
  };
}

/** How one kind of float array is laid out in a backup: little-endian, whatever the machine. */
interface FloatKind<A extends Float32Array | Float64Array> {
  bytes: 4 | 8;
  create: (length: number) => A;
  get: (view: DataView, offset: number) => number;
  set: (view: DataView, offset: number, value: number) => void;
}
const float32: FloatKind<Float32Array> = {
  bytes: 4,
  create: (length) => new Float32Array(length),
  get: (view, offset) => view.getFloat32(offset, true),
  set: (view, offset, value) => view.setFloat32(offset, value, true),
};
const float64: FloatKind<Float64Array> = {
  bytes: 8,
  create: (length) => new Float64Array(length),
  get: (view, offset) => view.getFloat64(offset, true),
  set: (view, offset, value) => view.setFloat64(offset, value, true),
};

function floatsToBase64<A extends Float32Array | Float64Array>(values: A, kind: FloatKind<A>): string {
  const view = new DataView(new ArrayBuffer(values.length * kind.bytes));
  for (let i = 0; i < values.length; i += 1) kind.set(view, i * kind.bytes, values[i]!);
  return encodeBase64(new Uint8Array(view.buffer));
}

function base64ToFloats<A extends Float32Array | Float64Array>(text: string, kind: FloatKind<A>): A | null {
  const bytes = decodeBase64(text);
  if (bytes === null || bytes.length % kind.bytes !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = kind.create(bytes.length / kind.bytes);
  for (let i = 0; i < values.length; i += 1) values[i] = kind.get(view, i * kind.bytes);
  return values;
}
