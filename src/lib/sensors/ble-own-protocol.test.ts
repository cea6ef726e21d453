import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MotionLabDecoder } from './ble-own-profile';
import {
  decodeMotionLabFormat,
  decodeMotionLabPacket,
  MOTION_LAB_PACKETS_UUID,
  UnsupportedFirmwareError,
  type MotionLabFormat,
} from './ble-own-protocol';
import { ForwarderParser } from './forwarder';
import { STANDARD_GRAVITY_MS2 } from './samples';
import type { SourceEvent } from './source';

const harness = fileURLToPath(new URL('../../../test/firmware/pack_packets.c', import.meta.url));
const header = fileURLToPath(new URL('../../../static/firmware/motion_lab/motion_lab_protocol.h', import.meta.url));
const sketch = fileURLToPath(new URL('../../../static/firmware/motion_lab/motion_lab.ino', import.meta.url));
const stubs = fileURLToPath(new URL('../../../test/firmware/arduino-stubs', import.meta.url));
const hasCompiler = (command: string) => spawnSync(command, ['--version']).status === 0;
const gcc = hasCompiler('gcc');
const gxx = hasCompiler('g++');

function view(hex: string): DataView {
  return new DataView(Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16)).buffer);
}

interface Input {
  seq: number;
  tUs: number;
  acc: number[];
  gyro: number[] | null;
}

type Step = { kind: 'packet'; bytes: DataView } | { kind: 'skip'; count: number } | { kind: 'link'; bytes: number };

interface Scenario {
  format: MotionLabFormat;
  inputs: Input[];
  lines: string[];
  steps: Step[];
}

/** The harness's output, one scenario per `scenario` line. */
function parseHarness(output: string): Map<string, Scenario> {
  const scenarios = new Map<string, Scenario>();
  let current: Scenario | undefined;
  for (const line of output.trim().split('\n')) {
    const [tag = '', ...rest] = line.split(' ');
    if (tag === 'scenario') {
      current = { format: { hasGyro: false, accFullScaleG: 0, gyroFullScaleDps: 0 }, inputs: [], lines: [], steps: [] };
      scenarios.set(rest[0] ?? '', current);
    } else if (!current) {
      throw new Error(`harness output before any scenario: ${line}`);
    } else if (tag === 'format') {
      current.format = decodeMotionLabFormat(view(rest[0] ?? ''));
    } else if (tag === 'sample') {
      // %.9g identifies a float exactly: fround recovers the very value the C code quantised.
      const [seq = 0, tUs = 0, ...values] = rest.map(Number).map((value, i) => (i < 2 ? value : Math.fround(value)));
      current.inputs.push({ seq, tUs, acc: values.slice(0, 3), gyro: values.length === 6 ? values.slice(3) : null });
    } else if (tag === 'line') {
      current.lines.push(rest.join(' '));
    } else if (tag === 'packet') {
      current.steps.push({ kind: 'packet', bytes: view(rest[0] ?? '') });
    } else if (tag === 'skip') {
      current.steps.push({ kind: 'skip', count: Number(rest[0]) });
    } else if (tag === 'link') {
      current.steps.push({ kind: 'link', bytes: Number(rest[0]) });
    }
  }
  return scenarios;
}

/** The rounding PROTOCOL.md specifies, written again here so the C code is checked, not copied. */
function quantize(value: number, fullScale: number): number {
  const counts = (value * 32768) / fullScale;
  if (Number.isNaN(counts)) return 0;
  if (counts >= 32767) return 32767;
  if (counts <= -32768) return -32768;
  return counts >= 0 ? Math.floor(counts + 0.5) : -Math.floor(-counts + 0.5);
}

function expectedCounts(input: Input, format: MotionLabFormat): number[] {
  return [
    ...input.acc.map((g) => quantize(g, format.accFullScaleG)),
    ...(input.gyro ?? []).map((dps) => quantize(dps, format.gyroFullScaleDps)),
  ];
}

function packets(scenario: Scenario): DataView[] {
  return scenario.steps.flatMap((step) => (step.kind === 'packet' ? [step.bytes] : []));
}

/** The inputs' clock with its wraps undone, in µs. */
function unwrappedTimes(inputs: readonly Input[]): number[] {
  let wraps = 0;
  return inputs.map((input, i) => {
    if (i > 0 && input.tUs < (inputs[i - 1]?.tUs ?? 0)) wraps += 1;
    return input.tUs + wraps * 2 ** 32;
  });
}

describe.skipIf(!gcc)(`firmware packets, byte for byte${gcc ? '' : ' (skipped: gcc is not on PATH; install gcc to run)'}`, () => {
  let dir = '';
  let scenarios = new Map<string, Scenario>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'motion-lab-firmware-'));
    const binary = join(dir, 'pack_packets');
    const build = spawnSync('gcc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-o', binary, harness, '-lm'], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const run = spawnSync(binary, { encoding: 'utf8' });
    expect(run.status).toBe(0);
    scenarios = parseHarness(run.stdout);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function scenario(name: string): Scenario {
    const found = scenarios.get(name);
    if (!found) throw new Error(`the harness printed no scenario ${name}`);
    return found;
  }

  test('the format characteristic says what the sketch packs', () => {
    expect(scenario('gyro').format).toEqual({ hasGyro: true, accFullScaleG: 4, gyroFullScaleDps: 2000 });
    expect(scenario('acc').format).toEqual({ hasGyro: false, accFullScaleG: 4, gyroFullScaleDps: 2000 });
  });

  test('the first packet has the layout PROTOCOL.md documents', () => {
    const first = packets(scenario('gyro'))[0];
    const hex = Array.from(new Uint8Array(first?.buffer ?? new ArrayBuffer(0)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const documented = [
      'faff', // seq 65530, uint16 LE
      'dfb1ffff', // first sample at 4294947295 µs (2³² − 20001), uint32 LE
      'd320', // 8403 µs between samples, uint16 LE
      '0000', // ax 0 g
      '6606', // ay 0.2 g → 1638.4 → 1638
      '0020', // az 1 g → 8192
      '0000', // gx 0 deg/s
      'e1fa', // gy −80 deg/s → −1310.72 → −1311
      '33f3', // gz −200 deg/s → −3276.8 → −3277
    ].join('');
    expect(hex.startsWith(documented)).toBe(true);
  });

  test.each(['gyro', 'acc'])('every %s sample comes back with its counter, time and exact counts', (name) => {
    const { format, inputs, steps } = scenario(name);
    const decoded = packets(scenario(name)).flatMap((bytes) => {
      const packet = decodeMotionLabPacket(bytes, format);
      if (!packet) throw new Error('a packet without one whole sample');
      const stride = format.hasGyro ? 6 : 3;
      return Array.from({ length: packet.count }, (_, i) => ({
        seq: (packet.seq + i) % 65536,
        tUs: (packet.timeUs + i * packet.intervalUs) >>> 0,
        counts: [...packet.counts.subarray(i * stride, (i + 1) * stride)],
      }));
    });
    expect(decoded).toEqual(inputs.map((input) => ({ seq: input.seq, tUs: input.tUs, counts: expectedCounts(input, format) })));
    expect(steps.some((step) => step.kind === 'packet')).toBe(true);
  });

  test('saturation, half-LSB rounding and a failed read quantise as documented', () => {
    const { format, inputs } = scenario('gyro');
    expect(expectedCounts(inputs[3] as Input, format)).toEqual([32767, -32768, 32767, 32767, -32768, -32768]);
    expect(expectedCounts(inputs[4] as Input, format).slice(0, 5)).toEqual([1, -1, 819, 1, -32768]);
    expect(expectedCounts(inputs[5] as Input, format).slice(0, 3)).toEqual([-32768, 0, 0]);
  });

  test('a link with a 23-byte MTU gets one sample per notification, none lost', () => {
    const { steps } = scenario('gyro');
    const afterLink = steps.slice(steps.findIndex((step) => step.kind === 'link'));
    const sizes = afterLink.flatMap((step) => (step.kind === 'packet' ? [step.bytes.byteLength] : []));
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((size) => size === 20)).toBe(true);
  });

  test('the decoder makes one series across the counter and clock wraps, reporting the skipped readings', () => {
    const { format, inputs, steps } = scenario('gyro');
    const decoder = new MotionLabDecoder(format);
    const rows: number[][] = [];
    const events: SourceEvent[] = [];
    const sink = { push: (...row: number[]) => void rows.push(row) };
    let received = 0;
    const times = unwrappedTimes(inputs);
    for (const step of steps) {
      if (step.kind !== 'packet') continue;
      const packet = decodeMotionLabPacket(step.bytes, format);
      received += packet?.count ?? 0;
      // Arrives a little after its last sample was read.
      const arrivalMs = (times[received - 1] ?? 0) / 1000 + 15;
      events.push(...decoder.decode(MOTION_LAB_PACKETS_UUID, step.bytes, arrivalMs, sink));
    }
    expect(rows.map((row) => row[0])).toEqual(times.map((us) => us / 1000));
    const skipAt = inputs.findIndex((input, i) => i > 0 && input.seq !== ((inputs[i - 1]?.seq ?? 0) + 1) % 65536);
    expect(events).toEqual([{ type: 'lost', count: 3, atMs: (times[skipAt - 1] ?? 0) / 1000 }]);
    const lsbAcc = (4 * STANDARD_GRAVITY_MS2) / 32768;
    for (const [i, row] of rows.entries()) {
      const counts = expectedCounts(inputs[i] as Input, format);
      expect(row.slice(1, 4).map((value) => value / lsbAcc)).toEqual(counts.slice(0, 3).map((count) => expect.closeTo(count, 6)));
      expect(row.slice(4).map((value) => (value * 32768) / 2000)).toEqual(counts.slice(3).map((count) => expect.closeTo(count, 6)));
    }
  });

  test.each(['gyro', 'acc'])('the %s serial lines read back through the forwarder parser', (name) => {
    const { format, inputs, lines } = scenario(name);
    const parser = new ForwarderParser({ startMs: 0 });
    parser.push(lines.join('\r\n') + '\r\n', 10);
    const samples = parser.finish(20);
    expect(parser.units).toBe('m/s2');
    expect(parser.garbage.count).toBe(0);
    expect(samples?.t).toHaveLength(inputs.length);
    // Printed with 4 and 3 decimals, then held as float32.
    const near = (value: number | undefined, expected: number, decimals: number) =>
      expect(Math.abs((value ?? NaN) - expected)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-5);
    for (const [i, input] of inputs.entries()) {
      const counts = expectedCounts(input, format);
      for (let axis = 0; axis < 3; axis += 1) {
        near(samples?.acc[i * 3 + axis], ((counts[axis] ?? 0) * 4 * STANDARD_GRAVITY_MS2) / 32768, 4);
        if (format.hasGyro) near(samples?.gyro?.[i * 3 + axis], ((counts[axis + 3] ?? 0) * 2000) / 32768, 3);
      }
    }
  });
});

describe.skipIf(!gxx)(`the sketch as the Arduino IDE compiles it, C++${gxx ? '' : ' (skipped: g++ is not on PATH)'}`, () => {
  test('the protocol header is valid C++ too', () => {
    const check = spawnSync('g++', ['-std=gnu++14', '-Wall', '-Wextra', '-Werror', '-x', 'c++', '-fsyntax-only', header], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  // Against declarations of the Arduino APIs it calls (test/firmware/arduino-stubs), not the real
  // toolchain: catches a mistyped call or a wrong #if, not a library behaving differently.
  test.each([
    [0, 'Arduino_LSM9DS1.h'],
    [1, 'Arduino_BMI270_BMM150.h'],
  ])('NANO33_REV2=%i type-checks, using %s', (revision, imuHeader) => {
    const check = spawnSync(
      'g++',
      ['-std=gnu++17', '-fsyntax-only', '-Wall', '-Wextra', '-Werror', '-H', `-DNANO33_REV2=${revision}`, '-I', stubs, '-include', 'Arduino.h', '-x', 'c++', sketch],
      { encoding: 'utf8' },
    );
    expect(check.status, check.stderr).toBe(0);
    const included = check.stderr.split('\n').map((line) => line.replace(/^\.+ /, ''));
    expect(included).toContain(join(stubs, imuHeader));
    expect(included).not.toContain(join(stubs, revision === 1 ? 'Arduino_LSM9DS1.h' : 'Arduino_BMI270_BMM150.h'));
  });
});

describe('decodeMotionLabFormat', () => {
  test('refuses another protocol version, saying what to do', () => {
    expect(() => decodeMotionLabFormat(view('020104d007'))).toThrow(UnsupportedFirmwareError);
    expect(() => decodeMotionLabFormat(view('020104d007'))).toThrow(/protocol 2.*version 1/);
    expect(() => decodeMotionLabFormat(view('0101'))).toThrow(/2 bytes/);
  });
});

describe('decodeMotionLabPacket', () => {
  const format = { hasGyro: true, accFullScaleG: 4, gyroFullScaleDps: 2000 };

  test('needs one whole sample after the header', () => {
    expect(decodeMotionLabPacket(view('0000000000000000'), format)).toBeNull();
    expect(decodeMotionLabPacket(view('00000000000000000100020003000400050006'), format)).toBeNull();
  });

  test('ignores the bytes of a sample cut short', () => {
    const packet = decodeMotionLabPacket(view('0100' + '10000000' + '0000' + '010002000300040005000600' + 'ffff'), format);
    expect(packet).toMatchObject({ seq: 1, timeUs: 16, intervalUs: 0, count: 1 });
    expect([...(packet?.counts ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
