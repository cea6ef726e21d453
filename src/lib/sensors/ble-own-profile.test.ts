import { describe, expect, test } from 'vitest';
import { CLOCK_TOLERANCE_MS, MotionLabDecoder, motionLabProfile } from './ble-own-profile';
import { MOTION_LAB_FORMAT_UUID, MOTION_LAB_PACKETS_UUID, type MotionLabFormat } from './ble-own-protocol';
import type { GattService } from './ble-profile';
import { STANDARD_GRAVITY_MS2 } from './samples';
import type { SourceEvent } from './source';

const withGyro: MotionLabFormat = { hasGyro: true, accFullScaleG: 4, gyroFullScaleDps: 2000 };

/** A packet as PROTOCOL.md lays it out. */
function packet(seq: number, timeUs: number, intervalUs: number, samples: readonly (readonly number[])[]): DataView {
  const values = samples.flat();
  const view = new DataView(new ArrayBuffer(8 + values.length * 2));
  view.setUint16(0, seq, true);
  view.setUint32(2, timeUs >>> 0, true);
  view.setUint16(6, intervalUs, true);
  for (const [i, value] of values.entries()) view.setInt16(8 + i * 2, value, true);
  return view;
}

function run(format: MotionLabFormat, notifications: readonly [DataView, number][]) {
  const decoder = new MotionLabDecoder(format);
  const rows: number[][] = [];
  const events: SourceEvent[] = [];
  const sink = { push: (...row: number[]) => void rows.push(row) };
  for (const [value, arrivalMs] of notifications) events.push(...decoder.decode(MOTION_LAB_PACKETS_UUID, value, arrivalMs, sink));
  return { rows, events, times: rows.map((row) => row[0] ?? NaN) };
}

const still = [0, 0, 8192, 0, 0, 0];

describe('MotionLabDecoder', () => {
  test('converts counts to m/s² and deg/s at the format’s full scale', () => {
    const { rows } = run(withGyro, [[packet(0, 1000, 0, [[8192, -16384, 32767, 16, -32768, 1]]), 0]]);
    expect(rows[0]?.[0]).toBe(1);
    expect(rows[0]?.slice(1, 4)).toEqual([STANDARD_GRAVITY_MS2, -2 * STANDARD_GRAVITY_MS2, expect.closeTo((32767 / 8192) * STANDARD_GRAVITY_MS2, 9)]);
    expect(rows[0]?.slice(4)).toEqual([16 * (2000 / 32768), -2000, 2000 / 32768]);
  });

  test('a packet’s samples are spaced by its interval', () => {
    const { times } = run(withGyro, [[packet(0, 10_000, 8403, [still, still, still]), 30]]);
    expect(times).toEqual([10, 18.403, 26.806]);
  });

  test('the counter wrapping is not a loss', () => {
    const { events, times } = run(withGyro, [
      [packet(65534, 0, 10_000, [still, still]), 20],
      [packet(0, 20_000, 10_000, [still, still]), 40],
    ]);
    expect(events).toEqual([]);
    expect(times).toEqual([0, 10, 20, 30]);
  });

  test('samples missing across the counter wrap are counted, at the last sample before the gap', () => {
    const { events } = run(withGyro, [
      [packet(65532, 0, 10_000, [still, still]), 20],
      [packet(2, 60_000, 10_000, [still]), 70],
    ]);
    expect(events).toEqual([{ type: 'lost', count: 4, atMs: 10 }]);
  });

  test('the board’s µs clock wrapping keeps the series going forward', () => {
    const { times } = run(withGyro, [
      [packet(0, 2 ** 32 - 15_000, 10_000, [still, still]), 0],
      [packet(2, 5_000, 10_000, [still]), 20],
    ]);
    expect(times).toEqual([(2 ** 32 - 15_000) / 1000, (2 ** 32 - 5_000) / 1000, (2 ** 32 + 5_000) / 1000]);
  });

  test('a gap longer than the counter’s 65536 is measured with the board’s clock', () => {
    const { events } = run(withGyro, [
      [packet(0, 0, 10_000, [still, still]), 0],
      [packet((2 + 70_000) % 65536, 10_000 + 70_001 * 10_000, 10_000, [still]), 700_010],
    ]);
    expect(events).toEqual([{ type: 'lost', count: 70_000, atMs: 10 }]);
  });

  test('one-sample packets (a 23-byte MTU) measure their interval from the gaps', () => {
    const { events, times } = run(withGyro, [
      [packet(0, 0, 0, [still]), 0],
      [packet(1, 8403, 0, [still]), 9],
      [packet(4, 4 * 8403, 0, [still]), 35],
    ]);
    expect(times).toEqual([0, 8.403, 33.612]);
    expect(events).toEqual([{ type: 'lost', count: 2, atMs: 8.403 }]);
  });

  test('a board that restarted continues the series by arrival time, with no loss claimed', () => {
    const { events, times } = run(withGyro, [
      [packet(500, 900_000_000, 10_000, [still, still]), 1000],
      [packet(0, 1_200_000, 10_000, [still, still]), 4000],
    ]);
    expect(events).toEqual([]);
    expect(times).toEqual([900_000, 900_010, 903_010, 903_020]);
  });

  test('a clock that disagrees with arrival by more than the tolerance is a restart too', () => {
    // 50 minutes after boot; restarted, the clock reads 1 s, which looks 21.6 minutes later.
    const late = 3_000_000_000;
    const { events, times } = run(withGyro, [
      [packet(10, late, 10_000, [still]), 0],
      [packet(0, 1_000_000, 10_000, [still]), CLOCK_TOLERANCE_MS / 10],
    ]);
    expect(events).toEqual([]);
    expect(times[1]).toBe(late / 1000 + CLOCK_TOLERANCE_MS / 10);
  });

  test('reads acceleration-only packets, and reports a notification too short to hold a sample', () => {
    const accOnly = { ...withGyro, hasGyro: false };
    const { rows, events } = run(accOnly, [
      [packet(0, 0, 0, [[0, 0, 8192]]), 0],
      [new DataView(Uint8Array.of(1, 2, 3, 4, 5).buffer), 1],
    ]);
    expect(rows).toEqual([[0, 0, 0, STANDARD_GRAVITY_MS2]]);
    expect(events).toEqual([{ type: 'garbage', count: 1, example: 'Motion Lab firmware: 5 bytes 0102030405' }]);
  });

  test('ignores other characteristics', () => {
    const decoder = new MotionLabDecoder(withGyro);
    expect(decoder.decode(MOTION_LAB_FORMAT_UUID, packet(0, 0, 0, [still]), 0, { push: () => expect.unreachable() })).toEqual([]);
  });
});

describe('motionLabProfile', () => {
  test('reads the format characteristic to make its decoder', async () => {
    const service = {
      getCharacteristic: async (uuid: string) => {
        expect(uuid).toBe(MOTION_LAB_FORMAT_UUID);
        return { readValue: async () => new DataView(Uint8Array.of(1, 0, 4, 0xd0, 0x07).buffer) };
      },
    } as unknown as GattService;
    const decoder = await motionLabProfile.createDecoder(service, 0);
    expect(decoder.hasGyro).toBe(false);
    expect(decoder.notifyUuids).toEqual([MOTION_LAB_PACKETS_UUID]);
  });
});
