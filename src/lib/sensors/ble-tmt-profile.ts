import type { BleDecoder, BleProfile, GattService, SampleSink } from './ble-profile';
import { readFloat32s, unreadableNotification } from './ble-profile';
import { ArrivalClock } from './arrival-clock';
import { STANDARD_GRAVITY_MS2 } from './samples';
import type { SourceEvent } from './source';

export const TMT_SERVICE_UUID = '81c30e5c-0000-4f7d-a886-de3e90749161';
/** Notify: one reading, 9 float32 LE (6 with the magnetometer off), scaled into -1…1. */
export const TMT_IMU_UUID = '81c30e5c-1001-4f7d-a886-de3e90749161';
/** Write: the sketch's state machine (stateRxChar in tf4micro-motion-kit.ino). */
export const TMT_STATE_UUID = '81c30e5c-3001-4f7d-a886-de3e90749161';

/** The sketch streams readings only in its IMU_DATA_PROVIDER state. */
const IMU_DATA_PROVIDER = 4;
/** The sketch sends acceleration / 4 (in g) and rotation / 2000 (in deg/s). */
const ACC_SCALE_G = 4;
const GYRO_SCALE_DPS = 2000;
const PROFILE_NAME = 'Tiny Motion Trainer';

/**
 * The tf4micro-motion-kit sketch used by Google's Tiny Motion Trainer: one notification per
 * reading, acc.xyz / 4 g, gyro.xyz / 2000 deg/s, then (when enabled) the magnetometer, which is
 * ignored. Scaled back to m/s² and deg/s; timed by arrival (there is no device clock).
 *
 * @example
 * const decoder = new TinyMotionTrainerDecoder(performance.now());
 * decoder.decode(TMT_IMU_UUID, view, performance.now(), batcher);
 */
export class TinyMotionTrainerDecoder implements BleDecoder {
  readonly hasGyro = true;
  readonly notifyUuids = [TMT_IMU_UUID] as const;
  readonly #clock: ArrivalClock;

  constructor(startMs: number) {
    this.#clock = new ArrivalClock(startMs);
  }

  decode(characteristicUuid: string, value: DataView, arrivalMs: number, sink: SampleSink): SourceEvent[] {
    if (characteristicUuid !== TMT_IMU_UUID) return [];
    const values = value.byteLength === 24 || value.byteLength === 36 ? readFloat32s(value, 6) : null;
    if (!values) return [unreadableNotification(value, PROFILE_NAME)];
    const [ax = 0, ay = 0, az = 0, gx = 0, gy = 0, gz = 0] = values;
    const acc = ACC_SCALE_G * STANDARD_GRAVITY_MS2;
    const [t] = this.#clock.stamp(1, arrivalMs);
    sink.push(t ?? arrivalMs, ax * acc, ay * acc, az * acc, gx * GYRO_SCALE_DPS, gy * GYRO_SCALE_DPS, gz * GYRO_SCALE_DPS);
    return [];
  }
}

/** Google's Tiny Motion Trainer / tf4micro-motion-kit sketch (service 81c30e5c-…). */
export const tinyMotionTrainerProfile: BleProfile = {
  name: PROFILE_NAME,
  serviceUuid: TMT_SERVICE_UUID,
  namePrefix: 'TF4Micro',
  async createDecoder(_service: GattService, startMs: number): Promise<BleDecoder> {
    return new TinyMotionTrainerDecoder(startMs);
  },
  async prepare(service: GattService): Promise<void> {
    const state = await service.getCharacteristic(TMT_STATE_UUID);
    await state.writeValueWithResponse(Uint8Array.of(IMU_DATA_PROVIDER));
  },
};
