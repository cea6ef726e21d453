import type { FieldKind, ImportWording, PhoneApp, PlaceWording } from './import-error-codes';

const fieldKinds: Record<FieldKind, string> = {
  object: 'an object',
  array: 'a list',
  string: 'text',
  number: 'a finite number',
  'positive-number': 'a number above zero',
  'non-negative-number': 'a finite number, zero or more',
  count: 'a whole number, zero or more',
  boolean: 'true or false',
  base64: 'base64 text of whole values',
  absent: 'absent (null), as the axes have no gyroscope',
  source: 'one of phone, bluetooth, serial, replay, import',
  axes: 'accX, accY, accZ, optionally followed by gyroX, gyroY, gyroZ, each once',
};

function megabytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as exactly the limit.
  return `${Math.ceil((bytes / 2 ** 20) * 10) / 10} MB`;
}

const appNames: Record<PhoneApp, string> = { phyphox: 'phyphox', 'physics-toolbox': 'Physics Toolbox', 'sensor-logger': 'Sensor Logger' };

/** What to export instead, per app, when an export has no gravity. */
const gravityHints: Record<PhoneApp, string> = {
  phyphox: 'Record with phyphox’s “Acceleration (with g)” experiment and export that, not “Acceleration without g”.',
  'physics-toolbox': 'Record with Physics Toolbox’s g-Force Meter (gFx, gFy, gFz) and export that, not the Linear Accelerometer.',
  'sensor-logger': 'Export the whole recording (its zip), or import Gravity.csv or TotalAcceleration.csv from the same recording together with Accelerometer.csv.',
};

const list = (names: string[]) => (names.length === 0 ? '(none)' : names.join(', '));

/** The English wording of every import problem. */
export const importErrorsEn: ImportWording & PlaceWording = {
  place: (place) => (place.line === undefined ? place.file : `${place.file}, line ${place.line}`),
  'file-too-large': {
    message: (p) => `the file is ${megabytes(p.sizeBytes)}, more than the ${megabytes(p.limitBytes)} a file may have.`,
    hint: (p) => `Split it into files of at most ${megabytes(p.limitBytes)} and import those.`,
  },
  'not-text': {
    message: () => 'this is not a text file.',
    hint: () => 'Choose an Edge Impulse CSV or JSON file. If it is one, save it again as UTF-8 text (in Excel: “CSV UTF-8”).',
  },
  'empty-file': {
    message: () => 'the file is empty.',
    hint: () => 'Choose a file that contains a recording; it may not have finished saving.',
  },
  'no-samples': {
    message: () => 'the file has no samples, only the column names.',
    hint: () => 'Choose a file that contains a recording; it may not have finished saving.',
  },
  'missing-columns': {
    message: (p) => `the columns are ${list(p.found)}, but ${list(p.needed)} are needed (missing: ${list(p.missing)}).`,
    hint: () =>
      'The first line must name the columns, separated by commas: timestamp,accX,accY,accZ, and gyroX,gyroY,gyroZ for a gyroscope.',
  },
  'duplicate-column': {
    message: (p) => `the column ${p.column} appears more than once.`,
    hint: () => 'Keep one column of each name in the first line.',
  },
  'row-too-short': {
    message: (p) => `this line has ${p.found} values where the first line names ${p.expected} columns.`,
    hint: () =>
      'On the last line this usually means the file was cut off while saving: export it again, or delete that line.',
  },
  'row-too-long': {
    message: (p) => `this line has ${p.found} values where the first line names ${p.expected} columns.`,
    hint: () => 'Check the line for an extra comma; decimals must use a point, not a comma.',
  },
  'not-a-number': {
    message: (p) => (p.cell.trim() === '' ? `the ${p.column} value is empty.` : `“${p.cell}” in ${p.column} is not a number.`),
    hint: () => 'Every value must be a number written with a decimal point, such as -9.81.',
  },
  'not-finite': {
    message: (p) => `“${p.cell}” in ${p.column} is not a finite number.`,
    hint: () => 'The sensor gave no reading here; remove the line or the recording.',
  },
  'value-too-large': {
    message: (p) => `“${p.cell}” in ${p.column} is too large to store (the most is about 3.4e38).`,
    hint: () => 'Check the units of this column: motion readings are far smaller.',
  },
  'timestamp-backwards': {
    message: (p) => `the timestamp goes back in time, from ${p.previousMs} ms to ${p.timestampMs} ms.`,
    hint: () => 'Timestamps must never decrease. If two recordings were joined, import them as separate files.',
  },
  'implausible-duration': {
    message: (p) => `the timestamps run from ${p.firstMs} to ${p.lastMs}, a length that is not a finite number of milliseconds.`,
    hint: () => 'Check the timestamp column: it must count milliseconds from the start of the recording.',
  },
  'implausible-rate': {
    message: (p) =>
      `the samples come ${Number(p.rateHz.toPrecision(3))} times a second if their times are in milliseconds, and no other unit (seconds, microseconds, nanoseconds) gives a motion sensor's rate of 1 to 1000.`,
    hint: () => 'Check the timestamps (or interval_ms): they must be in milliseconds, or evenly in seconds, microseconds or nanoseconds.',
  },
  'rate-not-finite': {
    message: () => 'the samples are so close together that the sample rate is not a finite number.',
    hint: () => 'Check the timestamps (or interval_ms): they must be in milliseconds, or evenly in seconds, microseconds or nanoseconds.',
  },
  'invalid-json': {
    message: () => 'this is not valid JSON.',
    hint: () => 'The file may be damaged or cut off; export it again.',
  },
  'invalid-field': {
    message: (p) => `${p.path} should be ${fieldKinds[p.expected]}.`,
    hint: () => 'The file may be damaged, or written by a program this app does not know; export it again.',
  },
  'length-mismatch': {
    message: (p) => `${p.path} has ${p.found} values where ${p.expected} were expected.`,
    hint: () => 'The file may be damaged or cut off; export it again.',
  },
  'duplicate-value': {
    message: (p) => `${p.path} repeats “${p.value}”, which must appear only once.`,
    hint: () => 'The file may be damaged; export it again.',
  },
  'unknown-reference': {
    message: (p) => `${p.path} is “${p.value}”, which is not in the file's list of ${p.list}.`,
    hint: () => 'The file may be damaged; export it again.',
  },
  'missing-sensors': {
    message: (p) => `the sensors are ${list(p.found)}, but ${list(p.needed)} are needed (missing: ${list(p.missing)}).`,
    hint: () => 'Import recordings of an accelerometer named accX, accY, accZ (with gyroX, gyroY, gyroZ for a gyroscope).',
  },
  'unsupported-units': {
    message: (p) => `the sensor ${p.sensor} is in “${p.units}”; this app reads ${list(p.supported)}.`,
    hint: () => 'Convert the values to one of those units before importing.',
  },
  'not-a-backup': {
    message: () => 'this is not a Motion Lab backup.',
    hint: () => 'Choose a file made with the backup export of Motion Lab; import single recordings as recordings.',
  },
  'unsupported-version': {
    message: (p) => `this backup has format version ${p.version}; this app reads version ${p.supported}.`,
    hint: (p) =>
      p.version > p.supported
        ? 'It was made by a newer Motion Lab: update the app, then restore it.'
        : 'The file may be damaged; export it again.',
  },
  'not-a-model': {
    message: () => 'this is not a Motion Lab model file.',
    hint: () => 'Choose a file made with “Export” in the Train page’s list of models.',
  },
  'model-mismatch': {
    message: (p) => `this model cannot be used as it is: ${p.reason}`,
    hint: () => 'Export the model again from the app that trained it, or train a new one here.',
  },
  'gravity-not-restorable': {
    message: (p) => `${appNames[p.app]}: this export has no gravity in it, and nothing to add it back from.`,
    hint: (p) => gravityHints[p.app],
  },
  'unknown-sensor-file': {
    message: () => 'this Sensor Logger file’s name does not say which sensor it holds.',
    hint: (p) => `Keep the names Sensor Logger gives its files (${list(p.expected)}), or import the recording’s zip.`,
  },
  'damaged-zip': {
    message: () => 'this zip archive is damaged or uses a compression this app cannot read.',
    hint: () => 'Export it again from the app, or unzip it and import the CSV files.',
  },
  'no-recording-in-zip': {
    message: () => 'this zip holds no recording this app reads (Sensor Logger’s TotalAcceleration.csv or Accelerometer.csv with Gravity.csv, or phyphox’s Raw Data.csv).',
    hint: () => 'Export the recording with its accelerometer, or choose the CSV files themselves.',
  },
  'several-recordings': {
    message: (p) => `this file holds ${p.count} recordings (several people or activities), where one was expected.`,
    hint: () => 'Import it on the Data page, which stores each as a recording of its own.',
  },
  'no-label': {
    message: () => 'its name gives no label (expected “label.anything.csv”).',
    hint: () => 'Pick a label for the import, or rename the file.',
  },
  'label-refused': {
    message: (p) => `its label cannot be used: ${p.reason.wordIn('en')}`,
    hint: () => 'Pick a label for the import, or rename the file.',
  },
  'storage-full': {
    message: () => 'storage on this device is full, so it was not stored.',
    hint: () => 'Free space by exporting and deleting recordings.',
  },
  'not-stored': {
    message: (p) => `could not be stored (${p.reason.wordIn('en')}).`,
    hint: () => 'Try again; if it fails again, reload the app.',
  },
  'is-backup': {
    message: () => 'this is a Motion Lab backup of a whole dataset, not a single recording.',
    hint: () => 'Restore it as a backup instead.',
  },
};
