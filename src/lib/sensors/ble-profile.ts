import type { SampleBatcher } from './batcher';
import type { SourceEvent } from './source';

/** Where decoded readings go: a SampleBatcher, or anything with its push() (m/s², deg/s). */
export type SampleSink = Pick<SampleBatcher, 'push'>;

/** The part of a connected GATT service that a profile talks to. */
export type GattService = Pick<BluetoothRemoteGATTService, 'getCharacteristic'>;

/** Turns one board's notifications into readings. Holds the state that spans notifications. */
export interface BleDecoder {
  readonly hasGyro: boolean;
  /** The characteristics to subscribe to. */
  readonly notifyUuids: readonly string[];
  /**
   * Reads one notification from `characteristicUuid` that arrived at `arrivalMs` (the
   * performance.now() clock), pushes its readings into `sink`, and returns what else it showed:
   * samples lost on the way, or a notification that could not be read.
   */
  decode(characteristicUuid: string, value: DataView, arrivalMs: number, sink: SampleSink): SourceEvent[];
}

/** One kind of board firmware, recognised by its GATT service. */
export interface BleProfile {
  /** The firmware in the user's words, shown after the device name. */
  readonly name: string;
  readonly serviceUuid: string;
  /** How the firmware names itself when advertising, for boards whose adverts omit the service. */
  readonly namePrefix: string;
  /** Reads what decoding needs from the connected service; once per source. */
  createDecoder(service: GattService, startMs: number): Promise<BleDecoder>;
  /** Asks the board to start streaming; after every connection, before subscribing. */
  prepare?(service: GattService): Promise<void>;
}

/**
 * `count` little-endian float32 from the start of a notification, or null when it is shorter.
 *
 * @example
 * readFloat32s(new DataView(Float32Array.of(1, 2, 3).buffer), 3); // [1, 2, 3]
 */
export function readFloat32s(view: DataView, count: number): number[] | null {
  if (view.byteLength < count * 4) return null;
  return Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
}

/**
 * The event for a notification that could not be read, with its bytes in hex as the example.
 *
 * @example
 * unreadableNotification(new DataView(new Uint8Array([1, 2]).buffer), 'Arduino BLESense');
 * // { type: 'garbage', count: 1, example: 'Arduino BLESense: 2 bytes 0102' }
 */
export function unreadableNotification(view: DataView, from: string): SourceEvent {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, Math.min(view.byteLength, 32));
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { type: 'garbage', count: 1, example: `${from}: ${view.byteLength} bytes ${hex}${view.byteLength > 32 ? '…' : ''}` };
}
