import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_GRAVITY_MS2 } from '../sensors/samples';
import { arbitraryEvenSamples, expectSameSamples } from '../../../test/support/arbitraries';
import { exportEdgeImpulseJson, readEdgeImpulseJson } from './edge-impulse-json';
import { ImportError, type AnyImportError } from './errors';
import { parseJson } from './json-fields';

function document(payload: Record<string, unknown>) {
  return {
    protected: { ver: 'v1', alg: 'HS256', iat: 1_700_000_000 },
    signature: 'a'.repeat(64),
    payload: {
      device_name: 'ac:87:a3:0a:2d:1b',
      device_type: 'ARDUINO_NANO33BLE',
      interval_ms: 10,
      sensors: [
        { name: 'accX', units: 'm/s2' },
        { name: 'accY', units: 'm/s2' },
        { name: 'accZ', units: 'm/s2' },
      ],
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      ...payload,
    },
  };
}

function errorOf(json: unknown): AnyImportError {
  try {
    readEdgeImpulseJson('idle.json', json);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as AnyImportError;
  }
  throw new Error('expected an ImportError');
}

describe('readEdgeImpulseJson', () => {
  it('reads values, places sample i at i × interval_ms and names the device', () => {
    const { samples, intervalMs, device } = readEdgeImpulseJson('idle.json', document({}));
    expect(intervalMs).toBe(10);
    expect([...samples.t]).toEqual([0, 10]);
    expect([...samples.acc]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(samples.gyro).toBeNull();
    expect(device).toBe('ac:87:a3:0a:2d:1b (ARDUINO_NANO33BLE)');
  });

  it('matches sensor names in any case and order, and ignores other sensors', () => {
    const { samples } = readEdgeImpulseJson(
      'idle.json',
      document({
        sensors: ['GYROZ', 'accz', 'magX', 'ACCX', 'gyroY', 'accY', 'gyrox'].map((name) => ({
          name,
          units: name.toLowerCase().startsWith('acc') ? 'm/s2' : name === 'magX' ? 'uT' : 'deg/s',
        })),
        values: [[6, 3, 99, 1, 5, 2, 4]],
      }),
    );
    expect([...samples.acc]).toEqual([1, 2, 3]);
    expect([...samples.gyro!]).toEqual([4, 5, 6]);
  });

  it('converts g to m/s² and rad/s to deg/s', () => {
    const { samples } = readEdgeImpulseJson(
      'idle.json',
      document({
        sensors: [
          ...['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'g' })),
          ...['gyroX', 'gyroY', 'gyroZ'].map((name) => ({ name, units: 'rad/s' })),
        ],
        values: [[1, -0.5, 0, Math.PI, -Math.PI / 2, 0]],
      }),
    );
    expect([...samples.acc]).toEqual([STANDARD_GRAVITY_MS2, -0.5 * STANDARD_GRAVITY_MS2, 0].map(Math.fround));
    expect([...samples.gyro!]).toEqual([180, -90, 0]);
  });

  it('names the device by whichever of name and type it has', () => {
    expect(readEdgeImpulseJson('idle.json', document({ device_name: undefined })).device).toBe('ARDUINO_NANO33BLE');
    expect(readEdgeImpulseJson('idle.json', document({ device_name: undefined, device_type: undefined })).device).toBeUndefined();
  });

  it('says which sensors are missing', () => {
    const error = errorOf(document({ sensors: [{ name: 'accX', units: 'm/s2' }, { name: 'gyroX', units: 'deg/s' }], values: [[1, 2]] }));
    expect(error.code).toBe('missing-sensors');
    expect(error.params).toEqual({
      found: ['accX', 'gyroX'],
      needed: ['accX', 'accY', 'accZ', 'gyroX', 'gyroY', 'gyroZ'],
      missing: ['accY', 'accZ', 'gyroY', 'gyroZ'],
    });
  });

  it('refuses units it cannot convert', () => {
    const error = errorOf(document({ sensors: ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'mg' })) }));
    expect(error.code).toBe('unsupported-units');
    expect(error.params).toEqual({ sensor: 'accX', units: 'mg', supported: ['m/s2', 'm/s^2', 'm/s²', 'g'] });
  });

  it.each(['__proto__', 'constructor', 'toString'])('refuses units named %s as units it cannot convert', (units) => {
    const json = { payload: { interval_ms: 20, sensors: ['accX', 'accY', 'accZ'].map((name) => ({ name, units })), values: [[0, 0, 9.8]] } };
    const error = errorOf(json);
    expect(error.code).toBe('unsupported-units');
    expect(error.params).toMatchObject({ sensor: 'accX', units });
  });

  it('refuses a sensor named twice', () => {
    const sensors = ['accX', 'accY', 'accZ', 'ACCY'].map((name) => ({ name, units: 'm/s2' }));
    expect(errorOf(document({ sensors, values: [[1, 2, 3, 4]] })).params).toEqual({ path: 'payload.sensors[3].name', value: 'ACCY' });
  });

  it.each([
    [null, '(top level)', 'object'],
    [{ protected: {} }, 'payload', 'object'],
    [document({ interval_ms: 0 }), 'payload.interval_ms', 'positive-number'],
    [document({ interval_ms: '10' }), 'payload.interval_ms', 'positive-number'],
    [document({ sensors: {} }), 'payload.sensors', 'array'],
    [document({ sensors: [{ name: 'accX' }] }), 'payload.sensors[0].units', 'string'],
    [document({ values: [[1, 2, 3], [4, null, 6]] }), 'payload.values[1][1]', 'number'],
    [document({ values: [[1, 2, 3], 4] }), 'payload.values[1]', 'array'],
    [document({ device_name: 7 }), 'payload.device_name', 'string'],
  ])('names the field that is wrong (%#)', (json, path, expected) => {
    const error = errorOf(json);
    expect(error.code).toBe('invalid-field');
    expect(error.params).toEqual({ path, expected });
  });

  it('refuses a row with another number of values than sensors', () => {
    const error = errorOf(document({ values: [[1, 2, 3], [4, 5]] }));
    expect(error.code).toBe('length-mismatch');
    expect(error.params).toEqual({ path: 'payload.values[1]', found: 2, expected: 3 });
  });

  it('refuses a file without values', () => {
    expect(errorOf(document({ values: [] })).code).toBe('no-samples');
  });
});

describe('exportEdgeImpulseJson', () => {
  it('writes an unsigned document in m/s2 and deg/s', () => {
    const samples = { t: new Float64Array(1), acc: Float32Array.from([0.1, -0, 9.80665]), gyro: Float32Array.from([1, 2, 3]) };
    const text = exportEdgeImpulseJson(samples, { intervalMs: 20, deviceName: 'Pixel 8' });
    expect(JSON.parse(text)).toEqual({
      protected: { ver: 'v1', alg: 'none' },
      signature: '0'.repeat(64),
      payload: {
        device_name: 'Pixel 8',
        device_type: 'MOTION_LAB',
        interval_ms: 20,
        sensors: [
          { name: 'accX', units: 'm/s2' },
          { name: 'accY', units: 'm/s2' },
          { name: 'accZ', units: 'm/s2' },
          { name: 'gyroX', units: 'deg/s' },
          { name: 'gyroY', units: 'deg/s' },
          { name: 'gyroZ', units: 'deg/s' },
        ],
        values: [[0.1, -0, 9.80665, 1, 2, 3]],
      },
    });
    expect(text).toContain('"values":[[0.1,-0,9.80665,1,2,3]]');
  });

  it('refuses to write a file no one could read, with no interval between samples', () => {
    const samples = { t: new Float64Array(1), acc: new Float32Array(3), gyro: null };
    for (const intervalMs of [0, -1, NaN, Infinity]) {
      expect(() => exportEdgeImpulseJson(samples, { intervalMs })).toThrow(RangeError);
    }
  });

  it('round-trips evenly spaced samples bit for bit', () => {
    fc.assert(
      fc.property(arbitraryEvenSamples(), ({ samples, intervalMs }) => {
        const text = exportEdgeImpulseJson(samples, { intervalMs });
        const read = readEdgeImpulseJson('x.json', parseJson('x.json', text));
        expect(read.intervalMs).toBe(intervalMs);
        expectSameSamples(read.samples, samples);
      }),
      { numRuns: 200 },
    );
  });
});
