import { messageOf } from '../i18n/coded-error';
import { SampleBatcher } from './batcher';
import type { BleDecoder, BleProfile, GattService } from './ble-profile';
import {
  decodeMotionLabClassification,
  decodeMotionLabLabels,
  MOTION_LAB_CLASSIFICATION_UUID,
  MOTION_LAB_LABELS_UUID,
  MOTION_LAB_SERVICE_UUID,
  type DeviceClassification,
} from './ble-own-protocol';
import { BLE_PROFILES, bluetoothRequestOptions, profileForServices } from './ble-profiles';
import { DeviceError, SourceCancelledError, SourceUnavailableError, type MotionSource, type SourceListener } from './source';

export interface WebBluetoothOptions {
  /** Defaults to navigator.bluetooth; tests pass a stand-in. */
  bluetooth?: Bluetooth;
  /** Arrival clock, ms; defaults to performance.now(). */
  now?: () => number;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

function bluetoothApi(): Bluetooth {
  const bluetooth = typeof navigator === 'undefined' ? undefined : navigator.bluetooth;
  if (bluetooth) return bluetooth;
  if (typeof isSecureContext === 'boolean' && !isSecureContext) {
    throw new SourceUnavailableError('error.bluetooth.insecure');
  }
  throw new SourceUnavailableError('error.bluetooth.no-api');
}

/** The board firmwares the app reads, by name, for messages. */
const profileNames = (): string => BLE_PROFILES.map((profile) => profile.name).join(', ');

/** What requestDevice() rejected with, in words that say what to do. */
function chooserError(error: unknown): Error {
  const name = errorName(error);
  const message = messageOf(error);
  if (name === 'NotFoundError' && /cancel/i.test(message)) {
    return new SourceCancelledError('error.bluetooth.cancelled', {}, { cause: error });
  }
  if (name === 'NotFoundError') {
    return new SourceUnavailableError('error.bluetooth.none-offered', { reason: message, profiles: profileNames() }, { cause: error });
  }
  if (name === 'SecurityError') {
    return new SourceUnavailableError('error.bluetooth.blocked', {}, { cause: error });
  }
  return error instanceof Error ? error : new Error(message);
}

async function connectGatt(device: BluetoothDevice, label: string): Promise<BluetoothRemoteGATTServer> {
  if (!device.gatt) throw new DeviceError('error.bluetooth.no-services', { device: label });
  try {
    return await device.gatt.connect();
  } catch (error) {
    throw new DeviceError('error.bluetooth.connect-failed', { device: label, reason: messageOf(error) }, { cause: error });
  }
}

/**
 * A Nano 33 BLE Sense (or any board running a supported sketch) over Web Bluetooth. The board's
 * firmware is recognised by the service it offers (see ble-profiles.ts). `request()` shows the
 * browser's chooser and connects; `start()` subscribes; `stop()` unsubscribes and disconnects,
 * so other apps can use the board. If the link drops while recording, a `disconnected` event
 * says so and `reconnect()` picks up where it left off (the Motion Lab firmware's counter then
 * reports what was lost in between).
 *
 * @example
 * button.onclick = async () => {
 *   const source = await WebBluetoothSource.request();
 *   await source.start({ samples: (batch) => recorder.add(batch), event: (e) => status.show(e) });
 * };
 */
export class WebBluetoothSource implements MotionSource {
  readonly kind = 'bluetooth' as const;
  /** The board's name and its firmware, e.g. "BLESense-1A2B (Arduino BLESense)". */
  readonly device: string;
  readonly hasGyro: boolean;
  readonly #board: BluetoothDevice;
  readonly #profile: BleProfile;
  readonly #now: () => number;
  #decoder: BleDecoder;
  #service: GattService | undefined;
  #listener: SourceListener | undefined;
  #batcher: SampleBatcher | undefined;
  #subscription: AbortController | undefined;
  #characteristics: BluetoothRemoteGATTCharacteristic[] = [];
  #onClassification: ((result: DeviceClassification) => void) | undefined;

  private constructor(board: BluetoothDevice, profile: BleProfile, service: GattService, decoder: BleDecoder, now: () => number) {
    this.#board = board;
    this.#profile = profile;
    this.#service = service;
    this.#decoder = decoder;
    this.#now = now;
    this.device = `${board.name || 'Bluetooth board'} (${profile.name})`;
    this.hasGyro = decoder.hasGyro;
    board.addEventListener('gattserverdisconnected', () => this.#onDisconnected());
  }

  /** True where the browser has Web Bluetooth at all (Bluetooth may still be off). */
  static get supported(): boolean {
    return typeof navigator !== 'undefined' && navigator.bluetooth !== undefined;
  }

  /**
   * Shows the browser's Bluetooth chooser (call it from a tap or click), connects to the chosen
   * board and finds which supported firmware it runs.
   *
   * @throws SourceUnavailableError, SourceCancelledError or DeviceError, each with a message for the user.
   * @example
   * try {
   *   source = await WebBluetoothSource.request();
   * } catch (error) {
   *   if (!(error instanceof SourceCancelledError)) showError(error);
   * }
   */
  static async request(options: WebBluetoothOptions = {}): Promise<WebBluetoothSource> {
    const bluetooth = options.bluetooth ?? bluetoothApi();
    if ((await bluetooth.getAvailability?.()) === false) {
      throw new SourceUnavailableError('error.bluetooth.off');
    }
    let board: BluetoothDevice;
    try {
      board = await bluetooth.requestDevice(bluetoothRequestOptions());
    } catch (error) {
      throw chooserError(error);
    }
    const label = board.name || 'The chosen board';
    const server = await connectGatt(board, label);
    // Only the services the request named are visible; a board with none of them rejects.
    const services = await server.getPrimaryServices().catch(() => []);
    const profile = profileForServices(services.map((service) => service.uuid));
    const service = services.find((candidate) => candidate.uuid.toLowerCase() === profile?.serviceUuid);
    if (!profile || !service) {
      server.disconnect();
      throw new DeviceError('error.bluetooth.unknown-services', { device: label, profiles: profileNames() });
    }
    const now = options.now ?? (() => performance.now());
    try {
      return new WebBluetoothSource(board, profile, service, await profile.createDecoder(service, now()), now);
    } catch (error) {
      server.disconnect();
      throw error;
    }
  }

  /**
   * Subscribes to the board's readings, connecting again if stop() had disconnected. Each start
   * begins a new series: the pause since the last stop is not a loss.
   */
  async start(listener: SourceListener): Promise<void> {
    this.#listener = listener;
    this.#batcher = new SampleBatcher(this.hasGyro, (batch) => listener.samples(batch));
    try {
      const service = await this.#connectedService();
      const decoder = await this.#profile.createDecoder(service, this.#now());
      if (decoder.hasGyro !== this.hasGyro) {
        throw new DeviceError('error.bluetooth.firmware-changed', { device: this.device });
      }
      this.#decoder = decoder;
      await this.#subscribe();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Unsubscribes and disconnects, delivering what arrived. */
  async stop(): Promise<void> {
    // Cleared first: the disconnection this causes is not news to report.
    this.#listener = undefined;
    this.#onClassification = undefined;
    this.#subscription?.abort();
    const characteristics = this.#characteristics;
    this.#characteristics = [];
    await Promise.allSettled(characteristics.map((characteristic) => characteristic.stopNotifications()));
    this.#batcher?.close();
    this.#batcher = undefined;
    this.#service = undefined;
    this.#board.gatt?.disconnect();
  }

  /**
   * After a `disconnected` event: connects again and resumes with the same listener. Rejects, with
   * a message for the user, while the board is still out of reach.
   */
  async reconnect(): Promise<void> {
    if (!this.#listener) throw new Error(`${this.device} is not recording: start it instead of reconnecting.`);
    await this.#subscribe();
  }

  /**
   * The board's own answers, when its firmware was built with a model exported from the app
   * (static/firmware/motion_lab): after start(), reads the model's label names and calls
   * `onResult` with every classification the board notifies, until stop(), across reconnections.
   * Resolves with the labels, or null when the board does not classify.
   */
  async deviceClassifications(onResult: (result: DeviceClassification) => void): Promise<string[] | null> {
    if (this.#profile.serviceUuid !== MOTION_LAB_SERVICE_UUID || !this.#subscription) return null;
    const service = await this.#connectedService();
    let labels: string[];
    try {
      labels = decodeMotionLabLabels(await (await service.getCharacteristic(MOTION_LAB_LABELS_UUID)).readValue());
    } catch (error) {
      // A streaming-only build has no such characteristic.
      if (errorName(error) === 'NotFoundError') return null;
      throw error;
    }
    this.#onClassification = onResult;
    await this.#listenForClassifications(service, this.#subscription.signal);
    return labels;
  }

  async #listenForClassifications(service: GattService, signal: AbortSignal): Promise<void> {
    const characteristic = await service.getCharacteristic(MOTION_LAB_CLASSIFICATION_UUID);
    characteristic.addEventListener(
      'characteristicvaluechanged',
      () => {
        const result = characteristic.value && decodeMotionLabClassification(characteristic.value);
        if (result) this.#onClassification?.(result);
      },
      { signal },
    );
    await characteristic.startNotifications();
    this.#characteristics.push(characteristic);
  }

  /** The board's service, connecting first if the link is down. */
  async #connectedService(): Promise<GattService> {
    if (this.#board.gatt?.connected && this.#service) return this.#service;
    const server = await connectGatt(this.#board, this.device);
    this.#service = await server.getPrimaryService(this.#profile.serviceUuid);
    return this.#service;
  }

  async #subscribe(): Promise<void> {
    const service = await this.#connectedService();
    await this.#profile.prepare?.(service);
    this.#subscription?.abort();
    const subscription = new AbortController();
    this.#subscription = subscription;
    for (const uuid of this.#decoder.notifyUuids) {
      const characteristic = await service.getCharacteristic(uuid);
      characteristic.addEventListener('characteristicvaluechanged', () => this.#onValue(uuid, characteristic), { signal: subscription.signal });
      await characteristic.startNotifications();
      this.#characteristics.push(characteristic);
    }
    if (this.#onClassification) await this.#listenForClassifications(service, subscription.signal);
  }

  #onValue(uuid: string, characteristic: BluetoothRemoteGATTCharacteristic): void {
    const value = characteristic.value;
    if (!value || !this.#batcher) return;
    for (const event of this.#decoder.decode(uuid, value, this.#now(), this.#batcher)) this.#listener?.event?.(event);
  }

  #onDisconnected(): void {
    const listener = this.#listener;
    if (!listener) return;
    this.#subscription?.abort();
    this.#characteristics = [];
    this.#service = undefined;
    this.#batcher?.flush();
    listener.event?.({
      type: 'disconnected',
      reason: new DeviceError('error.bluetooth.dropped', { device: this.device }),
    });
  }
}
