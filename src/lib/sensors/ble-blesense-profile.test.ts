import { describe, expect, test } from 'vitest';
import { BLESENSE_ACC_UUID, BLESENSE_GYRO_UUID, BleSenseDecoder, bleSenseProfile } from './ble-blesense-profile';
import type { GattService } from './ble-profile';
import { STANDARD_GRAVITY_MS2 } from './samples';

/** Three float32, little-endian, as ArduinoBLE sends a float[3]. */
function xyz(x: number, y: number, z: number): DataView {
  const view = new DataView(new ArrayBuffer(12));
  [x, y, z].forEach((value, i) => view.setFloat32(i * 4, value, true));
  return view;
}

function collect() {
  const rows: number[][] = [];
  return { rows, sink: { push: (...row: number[]) => void rows.push(row) } };
}

describe('BleSenseDecoder', () => {
  test('pairs each acceleration (g) with the latest rotation (deg/s), timed by arrival', () => {
    const decoder = new BleSenseDecoder(true, 0);
    const { rows, sink } = collect();
    decoder.decode(BLESENSE_ACC_UUID, xyz(0, 0, 1), 5, sink); // no rotation yet: held back
    decoder.decode(BLESENSE_GYRO_UUID, xyz(10, -20, 30.5), 8, sink);
    decoder.decode(BLESENSE_ACC_UUID, xyz(0.5, -0.25, 1), 10, sink);
    decoder.decode(BLESENSE_ACC_UUID, xyz(0, 0, -1), 20, sink);
    expect(rows).toEqual([
      [10, 0.5 * STANDARD_GRAVITY_MS2, -0.25 * STANDARD_GRAVITY_MS2, STANDARD_GRAVITY_MS2, 10, -20, 30.5],
      [20, 0, 0, -STANDARD_GRAVITY_MS2, 10, -20, 30.5],
    ]);
  });

  test('two notifications arriving at the same instant still get increasing times', () => {
    const decoder = new BleSenseDecoder(false, 0);
    const { rows, sink } = collect();
    decoder.decode(BLESENSE_ACC_UUID, xyz(0, 0, 1), 10, sink);
    decoder.decode(BLESENSE_ACC_UUID, xyz(0, 0, 1), 10, sink);
    expect((rows[1]?.[0] ?? 0) > (rows[0]?.[0] ?? 0)).toBe(true);
  });

  test('without the rotation characteristic, accelerations are samples at once', () => {
    const decoder = new BleSenseDecoder(false, 0);
    const { rows, sink } = collect();
    decoder.decode(BLESENSE_ACC_UUID, xyz(0, 0, 1), 10, sink);
    expect(decoder.notifyUuids).toEqual([BLESENSE_ACC_UUID]);
    expect(rows).toHaveLength(1);
  });

  test('a notification that is not three floats is reported, not read', () => {
    const decoder = new BleSenseDecoder(true, 0);
    const { rows, sink } = collect();
    const events = decoder.decode(BLESENSE_ACC_UUID, new DataView(new ArrayBuffer(8)), 10, sink);
    expect(events).toEqual([{ type: 'garbage', count: 1, example: 'Arduino BLESense: 8 bytes 0000000000000000' }]);
    expect(rows).toEqual([]);
  });
});

describe('bleSenseProfile', () => {
  test('asks whether the board offers rotation', async () => {
    const withGyro = { getCharacteristic: async () => ({}) } as unknown as GattService;
    const withoutGyro = {
      getCharacteristic: async () => {
        throw new DOMException('No Characteristics matching UUID found in Service.', 'NotFoundError');
      },
    } as unknown as GattService;
    expect((await bleSenseProfile.createDecoder(withGyro, 0)).hasGyro).toBe(true);
    expect((await bleSenseProfile.createDecoder(withoutGyro, 0)).hasGyro).toBe(false);
  });
});
