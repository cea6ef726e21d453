/**
 * WISDM's raw accelerometer file (WISDM_ar_v1.1_raw.txt): no header, one sample per record,
 * `user,activity,timestamp,x,y,z;`, the records of every person and activity one after another.
 * Acceleration is in m/s² with gravity; timestamps are in ns (the caller finds that from their
 * spacing). A few lines of the published file hold more than one record, so records are split at
 * each `;` as well as at line ends, and one record of it has no z value: a record with an empty
 * value is passed over and counted (`skippedRecords`), where any other bad value refuses the file.
 */
import { decimalCell } from './csv';
import { ImportError } from './errors';
import type { AppRecording } from './phone-apps';

const columns = ['user', 'activity', 'timestamp', 'x', 'y', 'z'];

/** Whether a file's first line is a WISDM record: a user number, an activity word, then numbers. */
export function isWisdm(text: string): boolean {
  return /^\s*\d+\s*,\s*[A-Za-z][A-Za-z_ ]*\s*,\s*-?[\d.]+\s*,/.test(text);
}

interface Run {
  user: string;
  activity: string;
  t: number[];
  acc: number[];
  skipped: number;
}

/**
 * Every run of one person doing one activity as a recording of its own, labelled with the
 * activity as WISDM writes it (`Walking`, `Jogging`, `Upstairs`…) and grouped by the user's
 * number. A run also ends where time goes back, as a new take. Throws ImportError.
 *
 * @example
 * readWisdm('raw.txt', '33,Jogging,49105962326000,-0.69,12.68,0.50;\n').map((r) => [r.group, r.label]) // [['33', 'Jogging']]
 */
export function readWisdm(file: string, text: string): AppRecording[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    const line = index + 1;
    for (const record of lineText.split(';')) {
      if (record.trim() === '') continue;
      const cells = record.split(',').map((cell) => cell.trim());
      if (cells.length < columns.length) throw new ImportError('row-too-short', { found: cells.length, expected: columns.length }, { file, line });
      if (cells.length > columns.length) throw new ImportError('row-too-long', { found: cells.length, expected: columns.length }, { file, line });
      const [user, activity] = cells as [string, string];
      if (cells.slice(3).some((cell) => cell === '')) {
        if (run) run.skipped += 1;
        continue;
      }
      const [time, x, y, z] = cells.slice(2).map((cell, k) => decimalCell(file, line, columns[k + 2]!, cell)) as [number, number, number, number];
      if (!run || run.user !== user || run.activity !== activity || time < run.t[run.t.length - 1]!) {
        run = { user, activity, t: [], acc: [], skipped: 0 };
        runs.push(run);
      }
      run.t.push(time);
      run.acc.push(x, y, z);
    }
  });
  if (runs.length === 0) throw new ImportError('no-samples', {}, { file });
  const takes = new Map<string, number>();
  return runs.map(({ user, activity, t, acc, skipped }) => {
    const key = `${user}-${activity}`;
    const take = (takes.get(key) ?? 0) + 1;
    takes.set(key, take);
    const recording: AppRecording = { format: 'WISDM', t: Float64Array.from(t), acc: Float32Array.from(acc), gyro: null, gravity: 'recorded', label: activity, group: user, nameHint: `${key}-${take}` };
    return skipped > 0 ? { ...recording, skippedRecords: skipped } : recording;
  });
}
