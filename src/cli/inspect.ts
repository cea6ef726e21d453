/**
 * `npm run inspect -- <file or folder>... [--json]`
 *
 * Checks the files a class shares before anyone opens them in the app: recordings (Edge Impulse
 * CSV or JSON, phyphox CSV, Physics Toolbox CSV, Sensor Logger CSV, zip or JSON, WISDM), backups,
 * model files and IDX digit files, each read by the app's own parser, the one its import uses, so
 * what passes here imports there. Folders are walked; the sensor files of one Sensor Logger
 * recording (one folder) are read together, as the import reads them. One line per file:
 *
 *   ok walking.SA01-D01-R01.csv: Edge Impulse CSV, 2400 samples, 200 Hz, 12.0 s
 *   ok ana/Raw Data.csv: phyphox CSV, 1000 samples, 100 Hz, 10.0 s, timestamps in s, gravity as recorded
 *   refused model.json: model.json: this model cannot be used as it is: …
 *
 * IDX files are also checked together, as the digits lesson opens them: images paired with labels,
 * at most a training and a test set; their lines come after the others.
 *
 * With --json, one JSON array instead: per file `{ file, ok, format, summary }` or
 * `{ file, ok: false, message }`, and for a recording `samples`, `rateHz`, `durationMs` too.
 * Exit status: 0 when every file is ok, 1 when any is refused, 2 on a usage error. Each parser
 * is bounded (the file-size limit, excerpts in messages, the window bound, the IDX size cap), so
 * a file up to the 100 MB limit takes at most seconds and a few hundred MB.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDuration, loadText } from '../lib/i18n/i18n';
import { allTextParts } from '../lib/i18n/text-parts';
import { messageOf } from '../lib/i18n/coded-error';
import { parseBackup } from '../lib/io/backup';
import { checkFileSize } from '../lib/io/file-text';
import { parseModelFile } from '../lib/io/model-file';
import { importGroups } from '../lib/io/import';
import { parseRecordingFiles, type ParsedRecording } from '../lib/io/recording-file';
import { IdxError, readIdx } from '../lib/learn/idx';
import { readOpenedDigits } from '../lib/learn/opened-digits';
import { readNetwork } from '../lib/model/network-kinds';
import { describeSamples } from '../lib/store/recordings';

// The command line words any area's text (in English), not one page's: all of it, before anything runs.
await loadText(allTextParts, 'en');

const usage = 'Usage: npm run inspect -- <file or folder>... [--json]';

/** What inspect found in one file. */
type Verdict =
  | { file: string; ok: true; format: string; summary: string; samples?: number; rateHz?: number; durationMs?: number }
  | { file: string; ok: false; format?: string; message: string };

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (error) {
    return fail(messageOf(error));
  }
})();
if (positionals.length === 0) fail('Give at least one file or folder.');

/** Every file under the paths given, folders walked in name order; a path that does not exist is a usage error. */
function filesOf(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      return fail(`There is no file or folder “${path}”.`);
    }
    if (!isFolder) return [path];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  });
}

const sniffBytes = 512;
const formatMark = (format: string) => new RegExp(`"format"\\s*:\\s*"${format}"`);

/**
 * One file through the parser the app would open it with: gzip or a zero start is IDX (the
 * digits lesson's opener), a JSON document marked as a model or a backup goes to that reader, and
 * anything else is a recording (the Data page's import).
 */
async function inspect(path: string, shown: string): Promise<Verdict> {
  const tooLarge = checkFileSize(shown, statSync(path).size);
  if (tooLarge) return { file: shown, ok: false, message: tooLarge.message };
  const bytes: Uint8Array = readFileSync(path);
  if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || (bytes.length >= 2 && bytes[0] === 0 && bytes[1] === 0)) {
    try {
      const { dims } = await readIdx(bytes, shown);
      const [count = 0, ...shape] = dims;
      return { file: shown, ok: true, format: 'IDX', summary: shape.length > 0 ? `IDX, ${count} images of ${shape.join(' × ')}` : `IDX, ${count} labels` };
    } catch (error) {
      if (error instanceof IdxError) return { file: shown, ok: false, format: 'IDX', message: error.message };
      throw error;
    }
  }
  const head = new TextDecoder().decode(bytes.subarray(0, sniffBytes));
  if (formatMark('motion-lab-model').test(head)) {
    const parsed = parseModelFile(shown, bytes);
    if (!parsed.ok) return { file: shown, ok: false, message: parsed.error.message };
    const { name, preprocessing: pre, metrics } = parsed.model;
    const network = readNetwork(parsed.model.artifacts);
    const summary = `model “${name}”, ${network.kind} network, ${network.inputs} inputs, ${pre.labels.length} labels (${pre.labels.join(', ')}), ${pre.features.windowS} s windows at ${pre.features.rateHz} Hz, test accuracy ${metrics.test.accuracy.toFixed(3)}`;
    return { file: shown, ok: true, format: 'model', summary };
  }
  if (formatMark('motion-lab-backup').test(head)) {
    const parsed = parseBackup(shown, bytes);
    if (!parsed.ok) return { file: shown, ok: false, message: parsed.error.message };
    const { labels, recordings, refused } = parsed.backup;
    const samples = recordings.reduce((total, { samples: s }) => total + s.t.length, 0);
    // The app restores the others and names these, so the file is ok; a teacher still sees them.
    const setAside = refused.length === 0 ? '' : `; ${refused.length} set aside as restore would: ${refused.map(({ name, error }) => `${name} (${error.message})`).join('; ')}`;
    return { file: shown, ok: true, format: 'backup', summary: `backup, ${recordings.length} recordings, ${labels.length} labels, ${samples} samples${setAside}`, samples };
  }
  return inspectRecordings([{ name: shown, content: bytes }]);
}

const gravityWords = { recorded: 'gravity as recorded', restored: 'gravity restored from the app’s gravity sensor' } as const;

/** What the app's import makes of these files: one recording, or (WISDM) several. */
async function inspectRecordings(files: { name: string; content: Uint8Array }[]): Promise<Verdict> {
  const shown = files.map(({ name }) => name).join(' + ');
  const parsed = await parseRecordingFiles(files);
  if (!parsed.ok) return { file: shown, ok: false, message: parsed.error.message };
  const { recordings } = parsed;
  const first = recordings[0]!;
  const sampleCount = recordings.reduce((total, { samples }) => total + describeSamples(samples).sampleCount, 0);
  const durationMs = recordings.reduce((total, { samples }) => total + describeSamples(samples).durationMs, 0);
  const rateHz = Math.round(first.rateHz * 10) / 10;
  const summary = [first.format, ...(recordings.length > 1 ? [several(recordings)] : []), `${sampleCount} samples`, `${rateHz} Hz`, formatDuration(durationMs)];
  // Edge Impulse files keep the line they always had; other apps' say what was found in them.
  if (!first.format.startsWith('Edge Impulse')) summary.push(`timestamps in ${first.timeUnit}`, gravityWords[first.gravity]);
  const skipped = recordings.reduce((total, { skippedRecords = 0 }) => total + skippedRecords, 0);
  if (skipped > 0) summary.push(`${skipped} records with an empty value passed over`);
  return { file: shown, ok: true, format: first.format, summary: summary.join(', '), samples: sampleCount, rateHz, durationMs };
}

function several(recordings: readonly ParsedRecording[]): string {
  const people = new Set(recordings.map(({ group }) => group)).size;
  const labels = new Set(recordings.map(({ label }) => label)).size;
  return `${recordings.length} recordings (${people} people, ${labels} activities)`;
}

/**
 * The IDX files of one run opened together, as the digits lesson opens them (readOpenedDigits):
 * images paired with labels by name, labels from 0 to 9, at most a training and a test set. A
 * problem refuses the file it names, or is added as a line of its own when it names them all.
 */
async function checkIdxTogether(idx: readonly { path: string; verdict: Verdict }[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = idx.map(({ verdict }) => verdict);
  if (idx.length === 0 || !verdicts.every((verdict) => verdict.ok)) return verdicts;
  try {
    await readOpenedDigits(idx.map(({ path, verdict }) => ({ name: verdict.file, bytes: readFileSync(path) })));
    return verdicts;
  } catch (error) {
    if (!(error instanceof IdxError)) throw error;
    const refused: Verdict = { file: error.file, ok: false, message: error.message };
    const named = verdicts.some((verdict) => verdict.file === error.file);
    return named ? verdicts.map((verdict) => (verdict.file === error.file ? refused : verdict)) : [...verdicts, refused];
  }
}

function print(verdict: Verdict): void {
  // The app's messages start with the file (and line) already: `refused <file>, line 2: …`.
  if (!values.json) console.log(verdict.ok ? `ok ${verdict.file}: ${verdict.summary}` : `refused ${verdict.message.startsWith(verdict.file) ? verdict.message : `${verdict.file}: ${verdict.message}`}`);
}

const verdicts: Verdict[] = [];
const idx: { path: string; verdict: Verdict }[] = [];
const shownPath = (path: string) => relative(process.cwd(), path) || path;
for (const group of importGroups(filesOf(positionals).map((path) => ({ name: path })))) {
  const [{ name: path }] = group as [{ name: string }];
  const verdict =
    group.length === 1 ? await inspect(path, shownPath(path)) : await inspectRecordings(group.map(({ name }) => ({ name: shownPath(name), content: readFileSync(name) })));
  if (verdict.format === 'IDX') {
    idx.push({ path, verdict });
    continue;
  }
  verdicts.push(verdict);
  print(verdict);
}
for (const verdict of await checkIdxTogether(idx)) {
  verdicts.push(verdict);
  print(verdict);
}
if (values.json) console.log(JSON.stringify(verdicts, null, 2));
process.exitCode = verdicts.every((verdict) => verdict.ok) ? 0 : 1;
