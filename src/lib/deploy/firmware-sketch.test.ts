import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeMotionLabClassification, decodeMotionLabLabels, MOTION_LAB_LABEL_UNKNOWN } from '../sensors/ble-own-protocol';
import { readNetwork } from '../model/network-kinds';
import { generateCLibrary, type ExportableModel } from './c-library';
import { tinyModel } from './tiny-model';

const firmware = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const hasCompiler = (command: string) => spawnSync(command, ['--version']).status === 0;
const gcc = hasCompiler('gcc');
const gxx = hasCompiler('g++');
const ci = process.env.CI === 'true';

function view(hex: string): DataView {
  return new DataView(Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16)).buffer);
}

/** `model` with an unknown score of made-up statistics (zero means, the identity as precision): the sketch's unknown path compiles only with one. */
function withUnknownScore(model: ExportableModel): ExportableModel {
  const width = readNetwork(model.artifacts).hiddenSize;
  const means = model.preprocessing.labels.map(() => new Array<number>(width).fill(0));
  const precision = Array.from({ length: width * width }, (_, i) => (i % (width + 1) === 0 ? 1 : 0));
  return { ...model, unknown: { means, precision, threshold: 1, liveThreshold: 2, falseUnknownRate: 0.05 } };
}

const dir = mkdtempSync(join(tmpdir(), 'motion-lab-sketch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!gcc && !ci)(`classifications, byte for byte${gcc ? '' : ' (skipped: gcc is not on PATH)'}`, () => {
  test('the app reads back what the firmware packs: counter, clock, label (255: unknown), probabilities to 1/65535, label names', () => {
    expect(gcc, 'gcc is missing').toBe(true);
    const binary = join(dir, 'pack_classifications');
    const build = spawnSync('gcc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-o', binary, firmware('test/firmware/pack_classifications.c'), '-lm'], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    const lines = spawnSync(binary, { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(decodeMotionLabLabels(view(lines[0]!.split(' ')[1]!))).toEqual(['golfing', 'running', 'stairs', 'walking', 'año']);
    let packets = 0;
    for (let i = 1; i < lines.length; i += 2) {
      const [, window, timeUs, label, ...sent] = lines[i]!.split(' ').map(Number);
      const decoded = decodeMotionLabClassification(view(lines[i + 1]!.split(' ')[1]!));
      expect(decoded).not.toBeNull();
      expect(decoded!.window).toBe(window! % 65536);
      expect(decoded!.timeUs).toBe(timeUs! % 2 ** 32);
      expect(decoded!.label).toBe(label === MOTION_LAB_LABEL_UNKNOWN ? -1 : label);
      decoded!.probabilities.forEach((p, k) => expect(Math.abs(p - Math.min(1, Math.max(0, sent[k]!)))).toBeLessThanOrEqual(0.5 / 65535 + 1e-9));
      packets += 1;
    }
    expect(packets).toBe(7);
    expect(lines.filter((line) => line.startsWith('sent ') && line.split(' ')[3] === String(MOTION_LAB_LABEL_UNKNOWN))).toHaveLength(1);
  });

  test('a notification shorter than its label count, or naming a label it lacks, is not read; label 255 reads as unknown', () => {
    expect(decodeMotionLabClassification(view('0100404b4c000102ffff'))).toBeNull();
    expect(decodeMotionLabClassification(view('0100404b4c000202ffff0000'))).toBeNull();
    expect(decodeMotionLabClassification(view('0100404b4c000102ffff0000'))?.probabilities).toEqual(Float32Array.of(1, 0));
    // 255 is unknown, whatever the label count; 254 names a label it lacks.
    expect(decodeMotionLabClassification(view('0100404b4c00ff02ffff0000'))?.label).toBe(-1);
    expect(decodeMotionLabClassification(view('0100404b4c00fe02ffff0000'))).toBeNull();
  });
});

describe.skipIf(!gxx && !ci)(`the sketch with an exported model beside it, as the Arduino IDE compiles it${gxx ? '' : ' (skipped: g++ is not on PATH)'}`, () => {
  // Against declarations of the Arduino APIs (test/firmware/arduino-stubs), like the streaming
  // sketch's own check in ble-own-protocol.test.ts: a wrong call or #if shows, library behaviour does not.
  test.each([
    [0, false],
    [1, false],
    [0, true],
    [1, true],
  ])('NANO33_REV2=%i, with an unknown score %s, type-checks and includes the model', (revision, unknown) => {
    expect(gxx, 'g++ is missing').toBe(true);
    const library = generateCLibrary(unknown ? withUnknownScore(tinyModel()) : tinyModel(), 'float32');
    writeFileSync(join(dir, 'motion_model.h'), library.header);
    const check = spawnSync(
      'g++',
      ['-std=gnu++17', '-fsyntax-only', '-Wall', '-Wextra', '-Werror', '-H', `-DNANO33_REV2=${revision}`, '-I', firmware('test/firmware/arduino-stubs'), '-I', dir, '-include', 'Arduino.h', '-x', 'c++', firmware('static/firmware/motion_lab/motion_lab.ino')],
      { encoding: 'utf8' },
    );
    expect(check.status, check.stderr).toBe(0);
    const included = check.stderr.split('\n').map((line) => line.replace(/^\.+ /, ''));
    expect(included).toContain(join(dir, 'motion_model.h'));
    expect(included.some((path) => path.endsWith('motion_lab_windows.h'))).toBe(true);
  });
});
