import { afterEach, describe, expect, test, vi } from 'vitest';
import { concatSamples, STANDARD_GRAVITY_MS2, type MotionSamples } from './samples';
import type { SourceEvent } from './source';
import { DeviceError, SourceCancelledError, SourceUnavailableError } from './source';
import { describePort, WebSerialSource } from './web-serial';

/**
 * A stand-in for Chrome's SerialPort: bytes are handed in with send(); unplug() and glitch() end
 * the stream as a lost device and as a framing error do.
 */
class FakePort extends EventTarget {
  readable: ReadableStream<Uint8Array> | null = null;
  readonly writable = null;
  openedWith: SerialOptions | undefined;
  closed = false;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  constructor(
    readonly info: SerialPortInfo = { usbVendorId: 0x2341, usbProductId: 0x805a },
    readonly openError?: Error,
  ) {
    super();
  }
  getInfo(): SerialPortInfo {
    return this.info;
  }
  async open(options: SerialOptions): Promise<void> {
    if (this.openError) throw this.openError;
    this.openedWith = options;
    this.#renew();
  }
  async close(): Promise<void> {
    if (this.readable?.locked) throw new TypeError('Cannot close a locked stream');
    this.readable = null;
    this.closed = true;
  }
  send(text: string): void {
    this.#controller?.enqueue(new TextEncoder().encode(text));
  }
  glitch(): void {
    const previous = this.#controller;
    this.#renew();
    previous?.error(new DOMException('Framing error.', 'FramingError'));
  }
  unplug(): void {
    this.readable = null;
    this.#controller?.error(new DOMException('The device has been lost.', 'NetworkError'));
  }
  #renew(): void {
    this.readable = new ReadableStream<Uint8Array>({ start: (controller) => void (this.#controller = controller) });
  }
}

function listen() {
  const batches: MotionSamples[] = [];
  const events: SourceEvent[] = [];
  return { batches, events, listener: { samples: (batch: MotionSamples) => batches.push(batch), event: (event: SourceEvent) => events.push(event) } };
}

const asPort = (port: FakePort) => port as unknown as SerialPort;
let clock = 0;
const now = () => (clock += 1);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('WebSerialSource', () => {
  test('opens at the chosen baud rate, reads forwarder lines and resolves once the columns are known', async () => {
    const port = new FakePort();
    const source = new WebSerialSource(asPort(port), { baudRate: 9600, units: 'g', now });
    expect(source.device).toBe('Arduino (USB 2341:805a)');
    const { batches, events, listener } = listen();
    const started = source.start(listener);
    port.send('Started\r\n0,0,1,10,20,30\r\n0,0,');
    port.send('1,11,21,31\r\n');
    await started;
    expect(port.openedWith).toEqual({ baudRate: 9600 });
    expect(source.hasGyro).toBe(true);
    port.send('0,0,-1,12,22,32\r\n');
    await vi.waitFor(() => expect(source.rateHz).not.toBeNull());
    await source.stop();
    const samples = concatSamples(batches, true);
    expect([...samples.acc].filter((_, i) => i % 3 === 2)).toEqual([1, 1, -1].map((g) => Math.fround(g * STANDARD_GRAVITY_MS2)));
    expect([...(samples.gyro ?? [])].slice(-3)).toEqual([12, 22, 32]);
    expect(events).toEqual([{ type: 'garbage', count: 1, example: 'Started' }]);
    expect(source.units).toEqual({ units: 'g', guessed: false });
    expect(port.closed).toBe(true);
  });

  test('readings held for the units guess are delivered on stop', async () => {
    const port = new FakePort();
    const source = new WebSerialSource(asPort(port), { now });
    const { batches, listener } = listen();
    const started = source.start(listener);
    port.send('0.1 0.2 9.8\n0.1 0.2 9.8\n0.1 0.2 9.8\n');
    await started;
    expect(source.hasGyro).toBe(false);
    await source.stop();
    expect(concatSamples(batches, false).t).toHaveLength(3);
    expect(source.units).toEqual({ units: 'm/s2', guessed: true });
  });

  test('keeps reading after a framing error', async () => {
    const port = new FakePort();
    const source = new WebSerialSource(asPort(port), { units: 'm/s2', now });
    const { batches, events, listener } = listen();
    const started = source.start(listener);
    port.send('1,2,3\n1,2,3\n');
    await started;
    port.glitch();
    await vi.waitFor(() => expect(port.readable?.locked).toBe(true));
    port.send('4,5,6\n');
    await source.stop();
    expect(concatSamples(batches, false).t).toHaveLength(3);
    expect(events).toEqual([]);
  });

  test('an unplugged cable ends the source with a disconnected event, keeping what arrived', async () => {
    const port = new FakePort();
    const source = new WebSerialSource(asPort(port), { units: 'm/s2', now });
    const { batches, events, listener } = listen();
    const started = source.start(listener);
    port.send('1,2,3\n1,2,3\n1,2');
    await started;
    port.unplug();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events).toEqual([
      { type: 'garbage', count: 1, example: '1,2' },
      { type: 'disconnected', reason: expect.objectContaining({ message: expect.stringMatching(/Arduino \(USB 2341:805a\) was lost .*plug it back in/) }) },
    ]);
    expect(concatSamples(batches, false).t).toHaveLength(2);
    await source.stop();
  });

  test('a board unplugged before its first readings fails start instead', async () => {
    const port = new FakePort();
    const source = new WebSerialSource(asPort(port), { now });
    const { events, listener } = listen();
    const started = source.start(listener);
    port.unplug();
    await expect(started).rejects.toThrow(/went away before sending any readings/);
    expect(events).toEqual([]);
  });

  test('a port sending nothing readable fails start, quoting what it sent', async () => {
    const port = new FakePort();
    const source = new WebSerialSource(asPort(port), { firstLinesTimeoutMs: 50, now });
    const started = source.start(listen().listener);
    port.send('\u00fe\u00ff\u0011garbled at the wrong baud\n');
    await expect(started).rejects.toThrow(DeviceError);
    await expect(started).rejects.toThrow(/No readings from Arduino \(USB 2341:805a\) within 0.05 s at 115200 baud; it sent lines such as “.*garbled/);
    expect(port.closed).toBe(true);
  });

  test('a busy port says who may hold it', async () => {
    const busy = new FakePort(undefined, new DOMException('Failed to open serial port.', 'NetworkError'));
    await expect(new WebSerialSource(asPort(busy)).start(listen().listener)).rejects.toThrow(/busy.*Serial Monitor/);
    const open = new FakePort(undefined, new DOMException('The port is already open.', 'InvalidStateError'));
    await expect(new WebSerialSource(asPort(open)).start(listen().listener)).rejects.toThrow(/already open in this page/);
  });
});

describe('WebSerialSource.request', () => {
  test('no Web Serial in this browser', async () => {
    await expect(WebSerialSource.request()).rejects.toThrow(SourceUnavailableError);
    vi.stubGlobal('isSecureContext', false);
    await expect(WebSerialSource.request()).rejects.toThrow(/secure page/);
  });

  test('the chooser cancelled', async () => {
    const serial = {
      requestPort: async () => {
        throw new DOMException('No port selected by the user.', 'NotFoundError');
      },
    } as unknown as Serial;
    await expect(WebSerialSource.request({ serial })).rejects.toThrow(SourceCancelledError);
  });

  test('a chosen port', async () => {
    const serial = { requestPort: async () => asPort(new FakePort({})) } as unknown as Serial;
    expect((await WebSerialSource.request({ serial })).device).toBe('Serial port');
  });
});

describe('describePort', () => {
  test('names known USB vendors and shows the ids', () => {
    expect(describePort({ usbVendorId: 0x1a86, usbProductId: 0x7523 })).toBe('CH340 USB serial (USB 1a86:7523)');
    expect(describePort({ usbVendorId: 0x1234, usbProductId: 0x5678 })).toBe('USB serial device 1234:5678');
  });
});
