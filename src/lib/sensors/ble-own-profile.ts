import type { BleDecoder, BleProfile, GattService, SampleSink } from './ble-profile';
import { unreadableNotification } from './ble-profile';
import {
  decodeMotionLabFormat,
  decodeMotionLabPacket,
  MOTION_LAB_FORMAT_UUID,
  MOTION_LAB_PACKETS_UUID,
  MOTION_LAB_SERVICE_UUID,
  type MotionLabFormat,
  type MotionLabPacket,
} from './ble-own-protocol';
import { STANDARD_GRAVITY_MS2 } from './samples';
import type { SourceEvent } from './source';

const PROFILE_NAME = 'Motion Lab firmware';
const SEQ_MODULO = 0x10000;

/**
 * How far the board's clock and the arrival clock may disagree about the time between two
 * packets before the board is taken to have restarted. Bluetooth delays packets by far less;
 * a board that restarted has a clock near zero.
 */
export const CLOCK_TOLERANCE_MS = 5000;

/**
 * Reads the Motion Lab firmware's packets into one continuous series on the board's own clock:
 * the µs clock's wrap every 71.6 minutes is unwrapped, the sample counter (mod 65536) tells how
 * many samples never arrived, and a board that restarted (its clock jumps back) carries on from
 * where the series was, by arrival time. The state lasts across reconnections, so samples lost
 * while the link was down are counted too.
 *
 * @example
 * const decoder = new MotionLabDecoder({ hasGyro: true, accFullScaleG: 4, gyroFullScaleDps: 2000 });
 * characteristic.addEventListener('characteristicvaluechanged', (event) => {
 *   for (const e of decoder.decode(MOTION_LAB_PACKETS_UUID, characteristic.value!, performance.now(), batcher)) report(e);
 * });
 */
export class MotionLabDecoder implements BleDecoder {
  readonly hasGyro: boolean;
  readonly notifyUuids = [MOTION_LAB_PACKETS_UUID] as const;
  readonly #format: MotionLabFormat;
  readonly #accMs2PerCount: number;
  readonly #dpsPerCount: number;
  /** The previous packet's last sample (unwrapped µs, raw µs mod 2³², arrival) and the counter due next. */
  #last: { us: number; rawUs: number; arrivalMs: number; nextSeq: number } | null = null;
  #intervalUs = 0;

  constructor(format: MotionLabFormat) {
    this.#format = format;
    this.hasGyro = format.hasGyro;
    this.#accMs2PerCount = (format.accFullScaleG * STANDARD_GRAVITY_MS2) / 32768;
    this.#dpsPerCount = format.gyroFullScaleDps / 32768;
  }

  decode(characteristicUuid: string, value: DataView, arrivalMs: number, sink: SampleSink): SourceEvent[] {
    if (characteristicUuid !== MOTION_LAB_PACKETS_UUID) return [];
    const packet = decodeMotionLabPacket(value, this.#format);
    if (!packet) return [unreadableNotification(value, PROFILE_NAME)];
    const events: SourceEvent[] = [];
    const firstUs = this.#place(packet, arrivalMs, events);
    this.#push(packet, firstUs, sink);
    const spanUs = (packet.count - 1) * packet.intervalUs;
    this.#last = { us: firstUs + spanUs, rawUs: (packet.timeUs + spanUs) >>> 0, arrivalMs, nextSeq: (packet.seq + packet.count) % SEQ_MODULO };
    if (packet.count > 1) this.#intervalUs = packet.intervalUs;
    return events;
  }

  /** The packet's first sample on the unwrapped clock; reports samples lost before it. */
  #place(packet: MotionLabPacket, arrivalMs: number, events: SourceEvent[]): number {
    const last = this.#last;
    if (!last) return packet.timeUs;
    // Signed 32-bit difference: correct across the wrap, negative if the clock went back.
    const deviceGapUs = (packet.timeUs - last.rawUs) | 0;
    const arrivalGapMs = arrivalMs - last.arrivalMs;
    if (deviceGapUs <= 0 || Math.abs(deviceGapUs / 1000 - arrivalGapMs) > CLOCK_TOLERANCE_MS) {
      // Restarted: its counter and clock began again, so nothing can be said about losses.
      return last.us + Math.max(arrivalGapMs * 1000, this.#intervalUs, 1);
    }
    const lost = this.#lostBefore((packet.seq - last.nextSeq + SEQ_MODULO) % SEQ_MODULO, deviceGapUs);
    if (lost > 0) events.push({ type: 'lost', count: lost, atMs: last.us / 1000 });
    return last.us + deviceGapUs;
  }

  /**
   * Samples missing between the previous packet and this one. The counter wraps every 65536
   * samples (9 minutes at 119 Hz), so a longer gap (a long disconnection) is resolved by the
   * board's clock: how many sample intervals fit in the gap.
   */
  #lostBefore(byCounter: number, deviceGapUs: number): number {
    // Packets of one sample (a link with a small MTU) carry no interval: measure it here.
    if (this.#intervalUs === 0) this.#intervalUs = deviceGapUs / (byCounter + 1);
    const byClock = deviceGapUs / this.#intervalUs - 1;
    return byCounter + SEQ_MODULO * Math.max(0, Math.round((byClock - byCounter) / SEQ_MODULO));
  }

  #push(packet: MotionLabPacket, firstUs: number, sink: SampleSink): void {
    const { counts } = packet;
    const stride = this.hasGyro ? 6 : 3;
    const acc = this.#accMs2PerCount;
    const dps = this.#dpsPerCount;
    for (let i = 0; i < packet.count; i += 1) {
      const at = i * stride;
      const tMs = (firstUs + i * packet.intervalUs) / 1000;
      const [ax, ay, az] = [counts[at] ?? 0, counts[at + 1] ?? 0, counts[at + 2] ?? 0];
      if (this.hasGyro) sink.push(tMs, ax * acc, ay * acc, az * acc, (counts[at + 3] ?? 0) * dps, (counts[at + 4] ?? 0) * dps, (counts[at + 5] ?? 0) * dps);
      else sink.push(tMs, ax * acc, ay * acc, az * acc);
    }
  }
}

/** The app's own firmware, static/firmware/motion_lab. */
export const motionLabProfile: BleProfile = {
  name: PROFILE_NAME,
  serviceUuid: MOTION_LAB_SERVICE_UUID,
  namePrefix: 'Motion Lab',
  async createDecoder(service: GattService): Promise<BleDecoder> {
    const format = await (await service.getCharacteristic(MOTION_LAB_FORMAT_UUID)).readValue();
    return new MotionLabDecoder(decodeMotionLabFormat(format));
  },
};
