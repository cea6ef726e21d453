/**
 * The Motion Lab firmware's Bluetooth format, byte for byte: the app's side of
 * static/firmware/motion_lab/motion_lab_protocol.h, described in static/firmware/PROTOCOL.md.
 * Pure functions over DataViews; what the numbers mean over time is in ble-own-profile.ts.
 */

export const MOTION_LAB_SERVICE_UUID = '00d7a497-0000-4580-8d0a-e6ec3b5ccdd1';
/** Notify: packets of samples. */
export const MOTION_LAB_PACKETS_UUID = '00d7a497-0001-4580-8d0a-e6ec3b5ccdd1';
/** Read: the format of the samples in the packets. */
export const MOTION_LAB_FORMAT_UUID = '00d7a497-0002-4580-8d0a-e6ec3b5ccdd1';
/** Notify, only on a board built with an exported model: its own answer every stride. */
export const MOTION_LAB_CLASSIFICATION_UUID = '00d7a497-0003-4580-8d0a-e6ec3b5ccdd1';
/** Read, beside the classification: the model's label names, each followed by a newline. */
export const MOTION_LAB_LABELS_UUID = '00d7a497-0004-4580-8d0a-e6ec3b5ccdd1';
const CLASSIFICATION_HEADER_BYTES = 8;
/** The label byte of a window the board calls unknown (`ML_LABEL_UNKNOWN`: unlike anything its model was trained on). */
export const MOTION_LAB_LABEL_UNKNOWN = 255;

export const MOTION_LAB_PROTOCOL_VERSION = 1;
export const PACKET_HEADER_BYTES = 8;
const FORMAT_BYTES = 5;
const FLAG_GYRO = 0x01;

/** What the format characteristic says about every packet's samples. */
export interface MotionLabFormat {
  hasGyro: boolean;
  /** Acceleration of the largest count, 32768: one count is accFullScaleG / 32768 g. */
  accFullScaleG: number;
  /** Rotation of the largest count: one count is gyroFullScaleDps / 32768 deg/s. */
  gyroFullScaleDps: number;
}

/** One notification: consecutive samples, evenly spaced, as int16 counts. */
export interface MotionLabPacket {
  /** Counter of the first sample, mod 65536. */
  seq: number;
  /** The board's clock at the first sample, µs, mod 2³². */
  timeUs: number;
  /** µs between consecutive samples (0 in a packet of one). */
  intervalUs: number;
  count: number;
  /** ax, ay, az[, gx, gy, gz] per sample. */
  counts: Int16Array;
}

export class UnsupportedFirmwareError extends Error {
  override name = 'UnsupportedFirmwareError';
}

/**
 * Reads the format characteristic.
 *
 * @throws UnsupportedFirmwareError when it is too short or from a protocol version this app does not know.
 * @example
 * decodeMotionLabFormat(new DataView(Uint8Array.of(1, 1, 4, 0xd0, 0x07).buffer));
 * // { hasGyro: true, accFullScaleG: 4, gyroFullScaleDps: 2000 }
 */
export function decodeMotionLabFormat(view: DataView): MotionLabFormat {
  if (view.byteLength < FORMAT_BYTES) {
    throw new UnsupportedFirmwareError(`The board's format description is ${view.byteLength} bytes, not ${FORMAT_BYTES}. Flash the Motion Lab sketch again.`);
  }
  const version = view.getUint8(0);
  if (version !== MOTION_LAB_PROTOCOL_VERSION) {
    throw new UnsupportedFirmwareError(
      `The board speaks Motion Lab protocol ${version}; this app reads version ${MOTION_LAB_PROTOCOL_VERSION}. Flash the Motion Lab sketch that matches this version of the app, or update the app.`,
    );
  }
  return {
    hasGyro: (view.getUint8(1) & FLAG_GYRO) !== 0,
    accFullScaleG: view.getUint8(2),
    gyroFullScaleDps: view.getUint16(3, true),
  };
}

/**
 * Reads one notification. The sample count is whatever whole samples follow the header: a
 * notification cut short by a small ATT MTU still reads, and the firmware sends the rest again.
 * Returns null when not even one sample is there.
 *
 * @example
 * const packet = decodeMotionLabPacket(event.target.value, format);
 */
export function decodeMotionLabPacket(view: DataView, format: MotionLabFormat): MotionLabPacket | null {
  const valuesPerSample = format.hasGyro ? 6 : 3;
  const count = Math.floor((view.byteLength - PACKET_HEADER_BYTES) / (valuesPerSample * 2));
  if (count < 1) return null;
  const counts = new Int16Array(count * valuesPerSample);
  for (let i = 0; i < counts.length; i += 1) counts[i] = view.getInt16(PACKET_HEADER_BYTES + i * 2, true);
  return {
    seq: view.getUint16(0, true),
    timeUs: view.getUint32(2, true),
    intervalUs: view.getUint16(6, true),
    count,
    counts,
  };
}

/** One answer of the model on the board. */
export interface DeviceClassification {
  /** Counter of the window, mod 65536: a jump means answers lost on the way. */
  window: number;
  /** The board's clock at the window's end, µs, mod 2³². */
  timeUs: number;
  /** Index of the most probable label, or -1 when the board said unknown (unlike anything its model was trained on), as Live's own answers. */
  label: number;
  /** One per label, in label order, to 1/65535. */
  probabilities: Float32Array;
}

/**
 * Reads one classification notification (PROTOCOL.md, "Classification"); null when it is shorter
 * than its own label count says, or names a label it has no probability for. The label byte 255
 * (MOTION_LAB_LABEL_UNKNOWN) reads as -1, unknown.
 *
 * @example
 * decodeMotionLabClassification(new DataView(Uint8Array.of(1, 0, 0x40, 0x42, 0x0f, 0, 1, 2, 0, 0, 0xff, 0xff).buffer));
 * // { window: 1, timeUs: 1000000, label: 1, probabilities: [0, 1] }
 */
export function decodeMotionLabClassification(view: DataView): DeviceClassification | null {
  if (view.byteLength < CLASSIFICATION_HEADER_BYTES) return null;
  const label = view.getUint8(6);
  const count = view.getUint8(7);
  const unknown = label === MOTION_LAB_LABEL_UNKNOWN;
  if (view.byteLength < CLASSIFICATION_HEADER_BYTES + count * 2 || (label >= count && !unknown)) return null;
  return {
    window: view.getUint16(0, true),
    timeUs: view.getUint32(2, true),
    label: unknown ? -1 : label,
    probabilities: Float32Array.from({ length: count }, (_, i) => view.getUint16(CLASSIFICATION_HEADER_BYTES + i * 2, true) / 65535),
  };
}

/**
 * Reads the labels characteristic: UTF-8 names, each ended by a newline.
 *
 * @example
 * decodeMotionLabLabels(new DataView(new TextEncoder().encode('running\nwalking\n').buffer)); // ['running', 'walking']
 */
export function decodeMotionLabLabels(view: DataView): string[] {
  const text = new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return text.split('\n').slice(0, -1);
}
