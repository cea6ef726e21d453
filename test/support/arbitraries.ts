/**
 * fast-check generators and checks shared by this folder's tests: valid recordings to round-trip,
 * and ways to damage a file to show that no damage makes a parser throw.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { MotionSamples } from '../../src/lib/sensors/samples';
import type { Gap, Recording, SourceKind, SpeedFix } from '../../src/lib/store/recording';

/** Any float32 but NaN and ±Infinity (so -0, subnormals and the largest), and plenty of sensor-like ones. */
export const float32Value = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -40_000, max: 40_000 }).map((milli) => Math.fround(milli / 1000)),
);

/**
 * Intervals between timestamps: repeated, integer, and arbitrary doubles, never so small that the
 * rate would be infinite (the import and restore rules refuse that).
 */
const interval = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));

/** Intervals of a motion sensor's rate (1 Hz to 1 kHz), so that an import reads the timestamps as ms. */
const plausibleInterval = fc.double({ min: 1, max: 1000, noNaN: true });

function floats(length: number) {
  return fc.array(float32Value, { minLength: length, maxLength: length }).map((values) => Float32Array.from(values));
}

/**
 * Samples as a source would deliver them: at least one, timestamps from 0 and never decreasing
 * (irregular and repeated ones included), finite values.
 */
export function arbitrarySamples(options: { gyro?: boolean; maxLength?: number; plausibleRate?: boolean } = {}): fc.Arbitrary<MotionSamples> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: options.maxLength ?? 30 }),
      withGyro: options.gyro === undefined ? fc.boolean() : fc.constant(options.gyro),
    })
    .chain(({ n, withGyro }) =>
      fc.record({
        t: fc.array(options.plausibleRate ? plausibleInterval : interval, { minLength: n - 1, maxLength: n - 1 }).map((steps) => {
          const t = new Float64Array(n);
          steps.forEach((step, i) => (t[i + 1] = t[i]! + step));
          return t;
        }),
        acc: floats(n * 3),
        gyro: withGyro ? floats(n * 3) : fc.constant(null),
      }),
    );
}

/** Evenly spaced samples, as Edge Impulse JSON holds them: sample i at i × intervalMs. */
export function arbitraryEvenSamples(): fc.Arbitrary<{ samples: MotionSamples; intervalMs: number }> {
  return fc
    .record({
      samples: arbitrarySamples(),
      intervalMs: fc.oneof(fc.constantFrom(20, 10, 1000 / 60), plausibleInterval),
    })
    .map(({ samples, intervalMs }) => ({
      samples: { ...samples, t: samples.t.map((_, i) => i * intervalMs) },
      intervalMs,
    }));
}

/** A finite number as JSON keeps it (JSON writes -0 as 0). */
const jsonNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value + 0);
const text = fc.string({ unit: 'binary', maxLength: 12 });

const gap: fc.Arbitrary<Gap> = fc.record(
  { atMs: jsonNumber, durationMs: jsonNumber, lostSamples: fc.nat() },
  { requiredKeys: ['atMs', 'durationMs'], noNullPrototype: true },
);
const speedFix: fc.Arbitrary<SpeedFix> = fc.record({ t: jsonNumber, speedMs: jsonNumber, accuracyM: jsonNumber }, { noNullPrototype: true });

/** A recording's metadata and samples that agree with each other, with the given label and group. */
export function arbitraryRecording(id: string, label: string, group: string): fc.Arbitrary<{ recording: Recording; samples: MotionSamples }> {
  return arbitrarySamples({ maxLength: 8 }).chain((samples) =>
    fc
      .record({
        name: text,
        source: fc.constantFrom<SourceKind>('phone', 'bluetooth', 'serial', 'replay', 'import'),
        device: text,
        rateHz: jsonNumber,
        startedAt: jsonNumber,
        durationMs: jsonNumber,
        notes: text,
        interrupted: fc.boolean(),
        lostSamples: fc.nat(),
        gaps: fc.array(gap, { maxLength: 3 }),
        speedFixes: fc.array(speedFix, { maxLength: 3 }),
      })
      .map((fields) => ({
        recording: {
          ...fields,
          id,
          label,
          group,
          sampleCount: samples.t.length,
          axes: samples.gyro
            ? ['accX', 'accY', 'accZ', 'gyroX', 'gyroY', 'gyroZ']
            : ['accX', 'accY', 'accZ'],
        } satisfies Recording,
        samples,
      })),
  );
}

/** A dataset: distinct labels, and recordings that use some of them, and some labels not in the list. */
export function arbitraryDataset(): fc.Arbitrary<{ labels: string[]; recordings: { recording: Recording; samples: MotionSamples }[] }> {
  return fc
    .record({
      labels: fc.uniqueArray(text, { maxLength: 4 }),
      picks: fc.array(fc.record({ label: fc.oneof(fc.nat(), text), group: fc.constantFrom('SA01', 'SE02', '') }), {
        maxLength: 4,
      }),
    })
    .chain(({ labels, picks }) =>
      fc.record({
        labels: fc.constant(labels),
        recordings: fc.tuple(
          ...picks.map(({ label, group }, i) =>
            arbitraryRecording(`rec-${i}`, typeof label === 'number' ? (labels[label % labels.length] ?? 'none') : label, group),
          ),
        ),
      }),
    );
}

/** Samples equal bit for bit: same lengths, same bytes (so -0 is not 0). */
export function expectSameSamples(actual: MotionSamples, expected: MotionSamples): void {
  const bytes = (a: Float32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  expect(actual.t).toBeInstanceOf(Float64Array);
  expect(actual.acc).toBeInstanceOf(Float32Array);
  expect(bytes(actual.t)).toEqual(bytes(expected.t));
  expect(bytes(actual.acc)).toEqual(bytes(expected.acc));
  expect(actual.gyro === null).toBe(expected.gyro === null);
  if (actual.gyro && expected.gyro) expect(bytes(actual.gyro)).toEqual(bytes(expected.gyro));
}

/** What every successful import must give: arrays that agree in length, finite values, time never going back. */
export function expectWellFormed(samples: MotionSamples): void {
  const n = samples.t.length;
  expect(n).toBeGreaterThan(0);
  expect(samples.acc.length).toBe(n * 3);
  if (samples.gyro) expect(samples.gyro.length).toBe(n * 3);
  for (const values of [samples.t, samples.acc, samples.gyro ?? []]) {
    for (const value of values) expect(Number.isFinite(value)).toBe(true);
  }
  for (let i = 1; i < n; i += 1) expect(samples.t[i]).toBeGreaterThanOrEqual(samples.t[i - 1]!);
}

/** One edit to a text: characters a parser must cope with, put in, taken out or swapped. */
const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  at: fc.nat(),
  with: fc.oneof(
    fc.constantFrom(',', '\n', '\r', '\r\n', ' ', '-', '+', '.', 'e', 'E', '0', '9', '"', '{', '}', '[', ']', ':', 'NaN', 'Infinity', '1e999', '0x1', '\uFEFF', '\u0000'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
});

/** Damages a text with a few random edits. */
export function arbitraryDamage(original: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) =>
    edits.reduce((damaged, { kind, at, with: inserted }) => {
      const i = damaged.length === 0 ? 0 : at % damaged.length;
      if (kind === 'insert') return damaged.slice(0, i) + inserted + damaged.slice(i);
      if (kind === 'delete') return damaged.slice(0, i) + damaged.slice(i + 1 + (at % 4));
      if (kind === 'replace') return damaged.slice(0, i) + inserted + damaged.slice(i + inserted.length);
      return damaged.slice(0, i);
    }, original),
  );
}

/** Every place in a JSON value, as a list of keys from the top. */
export function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

/** Damages parsed JSON by putting a random JSON value in place of a random part of it (its whole, a field, an item). */
export function arbitraryJsonDamage(original: unknown): fc.Arbitrary<string> {
  const paths = pathsOf(original);
  return fc.record({ which: fc.nat({ max: paths.length - 1 }), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ which, value }) => {
    const path = paths[which]!;
    if (path.length === 0) return JSON.stringify(value);
    const copy = structuredClone(original) as Record<string | number, unknown>;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
    parent[path.at(-1)!] = value;
    return JSON.stringify(copy);
  });
}
