import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultFeatureConfig, featureNames } from '../signal/features';
import { deployBundle } from './deploy-bundle';
import { tinyModel } from './tiny-model';
import { crc32, zipFiles } from './zip';

const inputs = featureNames(defaultFeatureConfig).length;

const python = spawnSync('python3', ['--version']).status === 0;

describe('deployBundle', () => {
  test('both C builds, the tfjs files with the preprocessing, a README', () => {
    const calibration = Float32Array.from({ length: inputs * 10 }, (_, i) => Math.cos(i) * 3);
    const bundle = deployBundle(tinyModel(), calibration, { 'motion_lab.ino': 'sketch', 'motion_lab_protocol.h': 'protocol', 'motion_lab_windows.h': 'windows' });
    expect(bundle.files.map((file) => file.path)).toEqual([
      'README.md',
      'float32/motion_model.h',
      'float32/motion_model.c',
      'int8/motion_model.h',
      'int8/motion_model.c',
      'motion_lab/motion_lab.ino',
      'motion_lab/motion_lab_protocol.h',
      'motion_lab/motion_lab_windows.h',
      'motion_lab/motion_model.h',
      'motion_lab/motion_model.c',
      'tfjs/model.json',
      'tfjs/weights.bin',
      'tflite/motion_model.tflite',
    ]);
    const json = JSON.parse(bundle.files.find((file) => file.path === 'tfjs/model.json')!.content as string) as { weightsManifest: { paths: string[] }[]; userDefinedMetadata: { motionLab: { preprocessing: { labels: string[] } } } };
    expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);
    expect(json.userDefinedMetadata.motionLab.preprocessing.labels).toEqual(['running', 'walking']);
    expect((bundle.files.find((file) => file.path === 'tfjs/weights.bin')!.content as Uint8Array).length).toBe((inputs * 2 + 2) * 4);
    expect(bundle.int8.constBytes).toBeLessThan(bundle.float32.constBytes);
    const tflite = bundle.files.find((file) => file.path === 'tflite/motion_model.tflite')!.content as Uint8Array;
    expect(new TextDecoder().decode(tflite.subarray(4, 8))).toBe('TFL3');
    expect(bundle.files[0]!.content).toContain(`| int8 | ${bundle.int8.constBytes} B |`);
    expect(bundle.files.find((file) => file.path === 'motion_lab/motion_model.c')!.content).toBe(bundle.float32.source);
  });

  test('without training rows: everything but int8, and the README says why and what to do', () => {
    const bundle = deployBundle(tinyModel(), undefined, { 'motion_lab.ino': 'sketch', 'motion_lab_protocol.h': 'protocol', 'motion_lab_windows.h': 'windows' });
    expect(bundle.int8).toBeUndefined();
    const paths = bundle.files.map((file) => file.path);
    expect(paths.filter((path) => path.startsWith('int8/'))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['float32/motion_model.c', 'motion_lab/motion_model.c', 'tfjs/weights.bin', 'tflite/motion_model.tflite']));
    const readme = bundle.files[0]!.content as string;
    expect(readme).toContain('## C library (float32/ only)');
    expect(readme).toMatch(/no int8\/ build in this export.*\n.*Record or import\nrunning, walking again/);
    expect(readme).not.toContain('those of `int8/`');
  });

  test('no model: the message says to train one', () => {
    expect(() => deployBundle(undefined, new Float32Array(0), { 'motion_lab.ino': '', 'motion_lab_protocol.h': '', 'motion_lab_windows.h': '' })).toThrow(/train one/);
  });
});

describe('zipFiles', () => {
  test('CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  test.skipIf(!python)(`an archive that Python's zipfile reads back file for file${python ? '' : ' (skipped: python3 is not on PATH)'}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'motion-lab-zip-'));
    try {
      const archive = join(dir, 'bundle.zip');
      writeFileSync(archive, zipFiles([
        { path: 'int8/motion_model.h', content: '#define A 1\n' },
        { path: 'año/datos.bin', content: Uint8Array.of(0, 255, 7) },
      ]));
      const read = spawnSync('python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist(): print(i.filename, z.read(i).hex())', archive], { encoding: 'utf8' });
      expect(read.stderr).toBe('');
      expect(read.stdout).toBe(`int8/motion_model.h ${Buffer.from('#define A 1\n').toString('hex')}\naño/datos.bin 00ff07\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
