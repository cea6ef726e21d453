import { SampleBatcher } from './batcher';
import { ForwarderParser, type AccelerationUnits } from './forwarder';
import type { MotionSamples } from './samples';
import { DEFAULT_BAUD_RATE } from './serial-defaults';
import { DeviceError, SourceCancelledError, SourceUnavailableError, type MotionSource, type SourceListener } from './source';

/** How long start() waits for the first readable lines. */
export const FIRST_LINES_TIMEOUT_MS = 5000;

export interface WebSerialOptions {
  /** Must match the sketch's Serial.begin(); 115200 by default. */
  baudRate?: number;
  /** Acceleration units when known; guessed from the data otherwise. */
  units?: AccelerationUnits;
  /** Defaults to navigator.serial; tests pass a stand-in. */
  serial?: Serial;
  /** Arrival clock, ms; defaults to performance.now(). */
  now?: () => number;
  firstLinesTimeoutMs?: number;
}

/** USB vendors whose boards and adapters students plug in most. */
const USB_VENDORS: Record<number, string> = {
  0x2341: 'Arduino',
  0x2a03: 'Arduino',
  0x239a: 'Adafruit',
  0x2e8a: 'Raspberry Pi',
  0x303a: 'Espressif',
  0x10c4: 'CP210x USB serial',
  0x1a86: 'CH340 USB serial',
  0x0403: 'FTDI USB serial',
};

/**
 * The port in the user's words, from its USB ids.
 *
 * @example
 * describePort({ usbVendorId: 0x2341, usbProductId: 0x805a }); // "Arduino (USB 2341:805a)"
 */
export function describePort(info: SerialPortInfo): string {
  const { usbVendorId: vendor, usbProductId: product } = info;
  if (vendor === undefined) return 'Serial port';
  const ids = `${vendor.toString(16).padStart(4, '0')}:${(product ?? 0).toString(16).padStart(4, '0')}`;
  const name = USB_VENDORS[vendor];
  return name ? `${name} (USB ${ids})` : `USB serial device ${ids}`;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

function serialApi(): Serial {
  const serial = typeof navigator === 'undefined' ? undefined : navigator.serial;
  if (serial) return serial;
  if (typeof isSecureContext === 'boolean' && !isSecureContext) {
    throw new SourceUnavailableError('error.serial.insecure');
  }
  throw new SourceUnavailableError('error.serial.no-api');
}

/**
 * A board printing Edge Impulse data-forwarder lines over a USB cable, read with Web Serial:
 * `ax,ay,az[,gx,gy,gz]` per line (see forwarder.ts), timed by arrival. `start()` resolves once
 * the first lines have shown the columns, so `hasGyro` is known from then on. Unplugging the
 * cable ends the source with a `disconnected` event.
 *
 * @example
 * button.onclick = async () => {
 *   const source = await WebSerialSource.request({ baudRate: 115200 });
 *   await source.start({ samples: (batch) => recorder.add(batch), event: (e) => status.show(e) });
 * };
 */
export class WebSerialSource implements MotionSource {
  readonly kind = 'serial' as const;
  /** From the port's USB ids, e.g. "Arduino (USB 2341:805a)". */
  readonly device: string;
  readonly #port: SerialPort;
  readonly #baudRate: number;
  readonly #units: AccelerationUnits | undefined;
  readonly #now: () => number;
  readonly #firstLinesTimeoutMs: number;
  #parser: ForwarderParser | undefined;
  #listener: SourceListener | undefined;
  #batcher: SampleBatcher | undefined;
  #reader: ReadableStreamDefaultReader<string> | undefined;
  #reading: Promise<void> | undefined;
  #stopping = false;
  #garbageReported = 0;
  #layoutKnown: (() => void) | undefined;

  constructor(port: SerialPort, options: WebSerialOptions = {}) {
    this.#port = port;
    this.#baudRate = options.baudRate ?? DEFAULT_BAUD_RATE;
    this.#units = options.units;
    this.#now = options.now ?? (() => performance.now());
    this.#firstLinesTimeoutMs = options.firstLinesTimeoutMs ?? FIRST_LINES_TIMEOUT_MS;
    this.device = describePort(port.getInfo());
  }

  /** True where the browser has Web Serial. */
  static get supported(): boolean {
    return typeof navigator !== 'undefined' && navigator.serial !== undefined;
  }

  /**
   * Shows the browser's port chooser (call it from a tap or click).
   *
   * @throws SourceUnavailableError or SourceCancelledError, with a message for the user.
   * @example
   * const source = await WebSerialSource.request();
   */
  static async request(options: WebSerialOptions = {}): Promise<WebSerialSource> {
    const serial = options.serial ?? serialApi();
    try {
      return new WebSerialSource(await serial.requestPort(), options);
    } catch (error) {
      if (errorName(error) === 'NotFoundError') throw new SourceCancelledError('error.serial.cancelled', {}, { cause: error });
      if (errorName(error) === 'SecurityError') {
        throw new SourceUnavailableError('error.serial.blocked', {}, { cause: error });
      }
      throw error;
    }
  }

  /** Whether the lines carry rotation; known once start() has resolved. */
  get hasGyro(): boolean {
    return this.#parser?.layout?.gyro != null;
  }

  /** Lines per second, measured from arrival times. */
  get rateHz(): number | null {
    return this.#parser?.rateHz ?? null;
  }

  /** The acceleration units read, and whether they were guessed. */
  get units(): { units: AccelerationUnits | null; guessed: boolean } {
    return { units: this.#parser?.units ?? this.#units ?? null, guessed: this.#parser?.unitsGuessed ?? false };
  }

  /**
   * Opens the port and reads until the first lines show the columns.
   *
   * @throws DeviceError when the port is busy or sends nothing readable in time.
   */
  async start(listener: SourceListener): Promise<void> {
    try {
      await this.#port.open({ baudRate: this.#baudRate });
    } catch (error) {
      throw this.#openError(error);
    }
    this.#stopping = false;
    this.#garbageReported = 0;
    this.#listener = listener;
    const parser = new ForwarderParser({ startMs: this.#now(), units: this.#units });
    this.#parser = parser;
    const layoutKnown = new Promise<'layout'>((resolve) => (this.#layoutKnown = () => resolve('layout')));
    this.#reading = this.#readLoop(parser);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.#firstLinesTimeoutMs)));
    const outcome = await Promise.race([layoutKnown, timeout, this.#reading.then(() => 'ended' as const)]);
    clearTimeout(timer);
    if (outcome === 'layout') return;
    const example = parser.garbage.example;
    await this.stop();
    if (outcome === 'ended') throw new DeviceError('error.serial.went-away', { device: this.device });
    const facts = { device: this.device, seconds: this.#firstLinesTimeoutMs / 1000, baud: this.#baudRate };
    throw example === null ? new DeviceError('error.serial.silent', facts) : new DeviceError('error.serial.garbage', { ...facts, example });
  }

  /** Stops reading, delivers what arrived and closes the port. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#reader?.cancel().catch(() => undefined);
    await this.#reading;
    this.#finish();
    await this.#port.close().catch(() => undefined);
    this.#listener = undefined;
    this.#reader = undefined;
    this.#reading = undefined;
  }

  #openError(error: unknown): Error {
    const name = errorName(error);
    if (name === 'InvalidStateError') {
      return new DeviceError('error.serial.already-open', { device: this.device }, { cause: error });
    }
    if (name === 'NetworkError') {
      return new DeviceError('error.serial.busy', { device: this.device }, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  async #readLoop(parser: ForwarderParser): Promise<void> {
    const port = this.#port;
    while (port.readable && !this.#stopping) {
      const decoder = new TextDecoderStream();
      // The decoder takes any BufferSource, Uint8Array included; TypeScript's stream types miss that.
      const piped = port.readable.pipeTo(decoder.writable as WritableStream<Uint8Array>).catch(() => undefined);
      const reader = decoder.readable.getReader();
      this.#reader = reader;
      let ended = false;
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            break;
          }
          this.#deliver(parser.push(value, this.#now()));
        }
      } catch {
        // A framing, parity, overrun or break error ends this stream and the port offers a new
        // one; when the device is gone, port.readable becomes null and the loop ends.
      } finally {
        reader.releaseLock();
      }
      await piped;
      if (ended) break;
    }
    // Before the columns were known, start() is still waiting and reports the loss itself.
    if (!this.#stopping && this.#batcher) this.#lost();
  }

  #deliver(samples: MotionSamples | null): void {
    const parser = this.#parser;
    const listener = this.#listener;
    if (!parser || !listener) return;
    if (parser.layout && !this.#batcher) {
      this.#batcher = new SampleBatcher(parser.layout.gyro !== null, (batch) => listener.samples(batch));
      this.#layoutKnown?.();
    }
    if (samples && this.#batcher) {
      const { t, acc, gyro } = samples;
      for (let i = 0; i < t.length; i += 1) {
        const g = gyro ? [gyro[i * 3] ?? 0, gyro[i * 3 + 1] ?? 0, gyro[i * 3 + 2] ?? 0] : [];
        this.#batcher.push(t[i] ?? 0, acc[i * 3] ?? 0, acc[i * 3 + 1] ?? 0, acc[i * 3 + 2] ?? 0, ...g);
      }
    }
    const garbage = parser.garbage;
    if (garbage.count > this.#garbageReported && garbage.example !== null) {
      listener.event?.({ type: 'garbage', count: garbage.count - this.#garbageReported, example: garbage.example });
      this.#garbageReported = garbage.count;
    }
  }

  /** Reads what the parser still holds and hands over everything. The parser stays, for rateHz and units. */
  #finish(): void {
    if (this.#parser) this.#deliver(this.#parser.finish(this.#now()));
    this.#batcher?.close();
    this.#batcher = undefined;
  }

  #lost(): void {
    const listener = this.#listener;
    this.#finish();
    this.#port.close().catch(() => undefined);
    listener?.event?.({
      type: 'disconnected',
      reason: new DeviceError('error.serial.lost', { device: this.device }),
    });
  }
}
