import { describe, expect, test } from 'vitest';
import type { GattService } from './ble-profile';
import { STANDARD_GRAVITY_MS2 } from './samples';
import { TinyMotionTrainerDecoder, tinyMotionTrainerProfile, TMT_IMU_UUID, TMT_STATE_UUID } from './ble-tmt-profile';

/** float32 little-endian, as the sketch's float buffer goes out. */
function floats(...values: number[]): DataView {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return view;
}

function decodeOne(value: DataView) {
  const rows: number[][] = [];
  const events = new TinyMotionTrainerDecoder(0).decode(TMT_IMU_UUID, value, 12, { push: (...row: number[]) => void rows.push(row) });
  return { rows, events };
}

describe('TinyMotionTrainerDecoder', () => {
  test('scales acc / 4 g and gyro / 2000 deg/s back, with the magnetometer off (6 floats)', () => {
    const { rows } = decodeOne(floats(0.25, -0.5, 0.125, 0.01, -0.5, 1));
    expect(rows).toEqual([[12, STANDARD_GRAVITY_MS2, -2 * STANDARD_GRAVITY_MS2, 0.5 * STANDARD_GRAVITY_MS2, expect.closeTo(20, 4), -1000, 2000]]);
  });

  test('ignores the magnetometer when it is on (9 floats)', () => {
    const { rows } = decodeOne(floats(0, 0, 0.25, 0, 0, 0, 0.3, 0.2, 0.1));
    expect(rows).toEqual([[12, 0, 0, STANDARD_GRAVITY_MS2, 0, 0, 0]]);
  });

  test('any other length is reported, not read', () => {
    const { rows, events } = decodeOne(floats(1, 2, 3));
    expect(rows).toEqual([]);
    expect(events).toMatchObject([{ type: 'garbage', count: 1, example: expect.stringMatching(/^Tiny Motion Trainer: 12 bytes /) }]);
  });
});

describe('tinyMotionTrainerProfile', () => {
  test('puts the sketch in its IMU data provider state before streaming', async () => {
    const written: [string, number[]][] = [];
    const service = {
      getCharacteristic: async (uuid: string) => ({
        writeValueWithResponse: async (value: Uint8Array) => void written.push([uuid, [...value]]),
      }),
    } as unknown as GattService;
    await tinyMotionTrainerProfile.prepare?.(service);
    expect(written).toEqual([[TMT_STATE_UUID, [4]]]);
  });
});
