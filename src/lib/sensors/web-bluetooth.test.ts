import { afterEach, describe, expect, test, vi } from 'vitest';
import { BLESENSE_ACC_UUID, BLESENSE_GYRO_UUID, BLESENSE_SERVICE_UUID } from './ble-blesense-profile';
import { MOTION_LAB_CLASSIFICATION_UUID, MOTION_LAB_FORMAT_UUID, MOTION_LAB_LABELS_UUID, MOTION_LAB_PACKETS_UUID, MOTION_LAB_SERVICE_UUID } from './ble-own-protocol';
import { TMT_IMU_UUID, TMT_SERVICE_UUID, TMT_STATE_UUID } from './ble-tmt-profile';
import { concatSamples, type MotionSamples } from './samples';
import type { SourceEvent } from './source';
import { DeviceError, SourceCancelledError, SourceUnavailableError } from './source';
import { WebBluetoothSource } from './web-bluetooth';

// Small stand-ins for what Chrome hands out: enough of the GATT objects to drive the source.

class FakeCharacteristic extends EventTarget {
  value: DataView | undefined;
  notifying = false;
  written: number[][] = [];
  constructor(
    readonly uuid: string,
    readonly readable?: DataView,
  ) {
    super();
  }
  async readValue(): Promise<DataView> {
    if (!this.readable) throw new DOMException('GATT operation not permitted.', 'NotSupportedError');
    return this.readable;
  }
  async writeValueWithResponse(value: Uint8Array): Promise<void> {
    this.written.push([...value]);
  }
  async startNotifications(): Promise<this> {
    this.notifying = true;
    return this;
  }
  async stopNotifications(): Promise<this> {
    this.notifying = false;
    return this;
  }
  notify(value: DataView): void {
    this.value = value;
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

class FakeService {
  readonly #characteristics: Map<string, FakeCharacteristic>;
  constructor(
    readonly uuid: string,
    characteristics: FakeCharacteristic[],
  ) {
    this.#characteristics = new Map(characteristics.map((characteristic) => [characteristic.uuid, characteristic]));
  }
  async getCharacteristic(uuid: string): Promise<FakeCharacteristic> {
    const characteristic = this.#characteristics.get(uuid);
    if (!characteristic) throw new DOMException('No Characteristics matching UUID found in Service.', 'NotFoundError');
    return characteristic;
  }
}

class FakeDevice extends EventTarget {
  readonly gatt: FakeServer;
  constructor(
    readonly name: string | undefined,
    services: FakeService[],
  ) {
    super();
    this.gatt = new FakeServer(this, services);
  }
}

class FakeServer {
  connected = false;
  connectError: Error | undefined;
  constructor(
    readonly device: FakeDevice,
    readonly services: FakeService[],
  ) {}
  async connect(): Promise<this> {
    if (this.connectError) throw this.connectError;
    this.connected = true;
    return this;
  }
  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.device.dispatchEvent(new Event('gattserverdisconnected'));
  }
  async getPrimaryServices(): Promise<FakeService[]> {
    if (this.services.length === 0) throw new DOMException('No Services found in device.', 'NotFoundError');
    return this.services;
  }
  async getPrimaryService(uuid: string): Promise<FakeService> {
    const service = this.services.find((candidate) => candidate.uuid === uuid);
    if (!service) throw new DOMException(`No Services matching UUID ${uuid} found in Device.`, 'NotFoundError');
    return service;
  }
}

function fakeBluetooth(choose: FakeDevice | Error, available = true) {
  const requests: RequestDeviceOptions[] = [];
  const bluetooth = {
    getAvailability: async () => available,
    requestDevice: async (options: RequestDeviceOptions) => {
      requests.push(options);
      if (choose instanceof Error) throw choose;
      return choose;
    },
  } as unknown as Bluetooth;
  return { bluetooth, requests };
}

function listen() {
  const batches: MotionSamples[] = [];
  const events: SourceEvent[] = [];
  return { batches, events, listener: { samples: (batch: MotionSamples) => batches.push(batch), event: (event: SourceEvent) => events.push(event) } };
}

function xyz(x: number, y: number, z: number): DataView {
  return new DataView(Float32Array.of(x, y, z).buffer);
}

function ownPacket(seq: number, timeUs: number, samples: number): DataView {
  const view = new DataView(new ArrayBuffer(8 + samples * 12));
  view.setUint16(0, seq, true);
  view.setUint32(2, timeUs, true);
  view.setUint16(6, 10_000, true);
  for (let i = 0; i < samples; i += 1) view.setInt16(8 + i * 12 + 4, 8192, true);
  return view;
}

let clock = 0;
const now = () => (clock += 5);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WebBluetoothSource with a BLESense board', () => {
  function board() {
    const acc = new FakeCharacteristic(BLESENSE_ACC_UUID);
    const gyro = new FakeCharacteristic(BLESENSE_GYRO_UUID);
    const device = new FakeDevice('BLESense-1A2B', [new FakeService(BLESENSE_SERVICE_UUID, [acc, gyro])]);
    return { acc, gyro, device };
  }

  test('asks the chooser for every supported firmware and names the board with its firmware', async () => {
    const { device } = board();
    const { bluetooth, requests } = fakeBluetooth(device);
    const source = await WebBluetoothSource.request({ bluetooth, now });
    expect(source.device).toBe('BLESense-1A2B (Arduino BLESense)');
    expect(source.kind).toBe('bluetooth');
    expect(source.hasGyro).toBe(true);
    expect(requests[0]?.optionalServices).toEqual([MOTION_LAB_SERVICE_UUID, TMT_SERVICE_UUID, BLESENSE_SERVICE_UUID]);
  });

  test('subscribes, delivers readings, and on stop unsubscribes and disconnects without alarm', async () => {
    const { acc, gyro, device } = board();
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now });
    const { batches, events, listener } = listen();
    await source.start(listener);
    expect([acc.notifying, gyro.notifying]).toEqual([true, true]);
    gyro.notify(xyz(1, 2, 3));
    acc.notify(xyz(0, 0, 1));
    acc.notify(xyz(0, 0, -1));
    await source.stop();
    const samples = concatSamples(batches, true);
    expect(samples.t).toHaveLength(2);
    expect([...(samples.gyro ?? [])]).toEqual([1, 2, 3, 1, 2, 3]);
    expect([acc.notifying, device.gatt.connected]).toEqual([false, false]);
    expect(events).toEqual([]);
  });

  test('a dropped link says what to do; reconnect() resumes, delivering each reading once', async () => {
    const { acc, gyro, device } = board();
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now });
    const { batches, events, listener } = listen();
    await source.start(listener);
    gyro.notify(xyz(0, 0, 0));
    acc.notify(xyz(0, 0, 1));
    device.gatt.disconnect();
    expect(events).toEqual([{ type: 'disconnected', reason: expect.objectContaining({ message: expect.stringMatching(/BLESense-1A2B .*dropped.*reconnect/) }) }]);
    expect(concatSamples(batches, true).t).toHaveLength(1);
    await source.reconnect();
    expect(device.gatt.connected).toBe(true);
    acc.notify(xyz(0, 0, 1));
    await source.stop();
    expect(concatSamples(batches, true).t).toHaveLength(2);
  });

  test('reconnect() needs a started source', async () => {
    const { device } = board();
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now });
    await expect(source.reconnect()).rejects.toThrow(/start it/);
  });
});

describe('WebBluetoothSource with the Motion Lab firmware', () => {
  test('reads the format, then reports samples lost while the link was down', async () => {
    const packets = new FakeCharacteristic(MOTION_LAB_PACKETS_UUID);
    const format = new FakeCharacteristic(MOTION_LAB_FORMAT_UUID, new DataView(Uint8Array.of(1, 1, 4, 0xd0, 0x07).buffer));
    const device = new FakeDevice(undefined, [new FakeService(MOTION_LAB_SERVICE_UUID, [packets, format])]);
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now: () => 0 });
    expect(source.device).toBe('Bluetooth board (Motion Lab firmware)');
    const { batches, events, listener } = listen();
    await source.start(listener);
    packets.notify(ownPacket(0, 0, 3));
    device.gatt.disconnect();
    await source.reconnect();
    packets.notify(ownPacket(10, 100_000, 2));
    await source.stop();
    expect(events).toEqual([
      { type: 'disconnected', reason: expect.any(DeviceError) },
      { type: 'lost', count: 7, atMs: 20 },
    ]);
    expect([...concatSamples(batches, true).t]).toEqual([0, 10, 20, 100, 110]);
  });
});

describe('WebBluetoothSource started again', () => {
  test('begins a new series: the pause between recordings is not a loss', async () => {
    const packets = new FakeCharacteristic(MOTION_LAB_PACKETS_UUID);
    const format = new FakeCharacteristic(MOTION_LAB_FORMAT_UUID, new DataView(Uint8Array.of(1, 1, 4, 0xd0, 0x07).buffer));
    const device = new FakeDevice('Motion Lab 1A2B', [new FakeService(MOTION_LAB_SERVICE_UUID, [packets, format])]);
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now: () => 0 });
    const { events, listener } = listen();
    await source.start(listener);
    packets.notify(ownPacket(0, 0, 3));
    await source.stop();
    await source.start(listener);
    expect(device.gatt.connected).toBe(true);
    packets.notify(ownPacket(500, 5_000_000, 3));
    await source.stop();
    expect(events).toEqual([]);
  });
});

describe('WebBluetoothSource with Tiny Motion Trainer', () => {
  test('asks the sketch to stream on every connection', async () => {
    const imu = new FakeCharacteristic(TMT_IMU_UUID);
    const state = new FakeCharacteristic(TMT_STATE_UUID);
    const device = new FakeDevice('TF4Micro - Motion Kit - 1A2B', [new FakeService(TMT_SERVICE_UUID, [imu, state])]);
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now });
    const { listener } = listen();
    await source.start(listener);
    device.gatt.disconnect();
    await source.reconnect();
    await source.stop();
    expect(state.written).toEqual([[4], [4]]);
  });
});

describe('WebBluetoothSource errors say what to do', () => {
  test('no Web Bluetooth in this browser', async () => {
    await expect(WebBluetoothSource.request()).rejects.toThrow(SourceUnavailableError);
    await expect(WebBluetoothSource.request()).rejects.toThrow(/Chrome or Edge/);
  });

  test('a page that is not a secure context', async () => {
    vi.stubGlobal('isSecureContext', false);
    await expect(WebBluetoothSource.request()).rejects.toThrow(/https:\/\/ or from localhost/);
  });

  test('Bluetooth turned off', async () => {
    const { bluetooth } = fakeBluetooth(new FakeDevice('x', []), false);
    await expect(WebBluetoothSource.request({ bluetooth })).rejects.toThrow(/Bluetooth is off/);
  });

  test('the chooser cancelled', async () => {
    const { bluetooth } = fakeBluetooth(new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError'));
    await expect(WebBluetoothSource.request({ bluetooth })).rejects.toThrow(SourceCancelledError);
  });

  test('the browser refused', async () => {
    const { bluetooth } = fakeBluetooth(new DOMException('Must be handling a user gesture to show a permission request.', 'SecurityError'));
    await expect(WebBluetoothSource.request({ bluetooth })).rejects.toThrow(/button press/);
  });

  test('a board with none of the services, left disconnected', async () => {
    const device = new FakeDevice('Heart rate strap', []);
    await expect(WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth })).rejects.toThrow(DeviceError);
    await expect(WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth })).rejects.toThrow(
      /Heart rate strap offers none of the services Motion Lab reads \(Motion Lab firmware, Tiny Motion Trainer, Arduino BLESense\)/,
    );
    expect(device.gatt.connected).toBe(false);
  });

  test('a board that will not connect', async () => {
    const device = new FakeDevice('BLESense-1A2B', []);
    device.gatt.connectError = new DOMException('Connection failed for unknown reason.', 'NetworkError');
    await expect(WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth })).rejects.toThrow(
      /Could not connect to BLESense-1A2B \(Connection failed for unknown reason.\)\. Bring it closer/,
    );
  });
});

describe('WebBluetoothSource with the Motion Lab firmware built with a model', () => {
  function board(withModel: boolean) {
    const packets = new FakeCharacteristic(MOTION_LAB_PACKETS_UUID);
    const format = new FakeCharacteristic(MOTION_LAB_FORMAT_UUID, new DataView(Uint8Array.of(1, 1, 4, 0xd0, 0x07).buffer));
    const classification = new FakeCharacteristic(MOTION_LAB_CLASSIFICATION_UUID);
    const labels = new FakeCharacteristic(MOTION_LAB_LABELS_UUID, new DataView(new TextEncoder().encode('running\nwalking\n').buffer));
    const device = new FakeDevice('Motion Lab 1A2B', [new FakeService(MOTION_LAB_SERVICE_UUID, withModel ? [packets, format, classification, labels] : [packets, format])]);
    return { classification, device };
  }
  const answer = (window: number, label: number) => new DataView(Uint8Array.of(window, 0, 0x40, 0x42, 0x0f, 0, label, 2, ...(label === 0 ? [0xff, 0xff, 0, 0] : [0, 0, 0xff, 0xff])).buffer);

  test("reads the board's labels and delivers its answers across a reconnection, until stop", async () => {
    const { classification, device } = board(true);
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now });
    await source.start(listen().listener);
    const answers: number[] = [];
    expect(await source.deviceClassifications((result) => answers.push(result.label))).toEqual(['running', 'walking']);
    expect(classification.notifying).toBe(true);
    classification.notify(answer(1, 1));
    device.gatt.disconnect();
    await source.reconnect();
    classification.notify(answer(2, 0));
    // The board's unknown (label byte 255) arrives as Live's own: -1.
    classification.notify(answer(3, 255));
    await source.stop();
    expect(classification.notifying).toBe(false);
    classification.notify(answer(4, 1));
    expect(answers).toEqual([1, 0, -1]);
  });

  test('a streaming-only board: null, and nothing subscribed', async () => {
    const { device } = board(false);
    const source = await WebBluetoothSource.request({ bluetooth: fakeBluetooth(device).bluetooth, now });
    await source.start(listen().listener);
    expect(await source.deviceClassifications(() => undefined)).toBeNull();
    await source.stop();
  });
});
