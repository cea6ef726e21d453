import type { BleDecoder, BleProfile, GattService, SampleSink } from './ble-profile';
import { readFloat32s, unreadableNotification } from './ble-profile';
import { ArrivalClock } from './arrival-clock';
import { STANDARD_GRAVITY_MS2 } from './samples';
import type { SourceEvent } from './source';

export const BLESENSE_SERVICE_UUID = '6fbe1da7-0000-44de-92c4-bb6e04fb0212';
/** Notify: acceleration, 3 × float32 LE, in g. */
export const BLESENSE_ACC_UUID = '6fbe1da7-3001-44de-92c4-bb6e04fb0212';
/** Notify: rotation, 3 × float32 LE, in deg/s. */
export const BLESENSE_GYRO_UUID = '6fbe1da7-3002-44de-92c4-bb6e04fb0212';

const PROFILE_NAME = 'Arduino BLESense';

/**
 * The "BLESense" layout of Arduino's Nano 33 BLE Sense examples: acceleration and rotation in two
 * characteristics, notified separately. Each acceleration becomes a sample with the latest
 * rotation; until a first rotation has arrived, accelerations are held back rather than paired
 * with a made-up zero. There is no device clock: samples are timed by arrival.
 *
 * @example
 * const decoder = new BleSenseDecoder(true, performance.now());
 * decoder.decode(BLESENSE_GYRO_UUID, gyroView, performance.now(), batcher); // remembered
 * decoder.decode(BLESENSE_ACC_UUID, accView, performance.now(), batcher); // one sample
 */
export class BleSenseDecoder implements BleDecoder {
  readonly hasGyro: boolean;
  readonly notifyUuids: readonly string[];
  readonly #clock: ArrivalClock;
  #gyro: number[] | null = null;

  /** `hasGyro`: the board offers the rotation characteristic (some sketches leave it out). */
  constructor(hasGyro: boolean, startMs: number) {
    this.hasGyro = hasGyro;
    this.notifyUuids = hasGyro ? [BLESENSE_ACC_UUID, BLESENSE_GYRO_UUID] : [BLESENSE_ACC_UUID];
    this.#clock = new ArrivalClock(startMs);
  }

  decode(characteristicUuid: string, value: DataView, arrivalMs: number, sink: SampleSink): SourceEvent[] {
    if (!this.notifyUuids.includes(characteristicUuid)) return [];
    const xyz = value.byteLength === 12 ? readFloat32s(value, 3) : null;
    if (!xyz) return [unreadableNotification(value, PROFILE_NAME)];
    if (characteristicUuid === BLESENSE_GYRO_UUID) {
      this.#gyro = xyz;
      return [];
    }
    if (this.hasGyro && !this.#gyro) return [];
    const [t] = this.#clock.stamp(1, arrivalMs);
    const [ax = 0, ay = 0, az = 0] = xyz.map((g) => g * STANDARD_GRAVITY_MS2);
    const [gx = 0, gy = 0, gz = 0] = this.#gyro ?? [];
    sink.push(t ?? arrivalMs, ax, ay, az, gx, gy, gz);
    return [];
  }
}

/** Arduino's BLESense example layout (service 6fbe1da7-…). */
export const bleSenseProfile: BleProfile = {
  name: PROFILE_NAME,
  serviceUuid: BLESENSE_SERVICE_UUID,
  namePrefix: 'BLESense',
  async createDecoder(service: GattService, startMs: number): Promise<BleDecoder> {
    const hasGyro = await service.getCharacteristic(BLESENSE_GYRO_UUID).then(
      () => true,
      () => false,
    );
    return new BleSenseDecoder(hasGyro, startMs);
  },
};
