/**
 * Web Serial (https://wicg.github.io/serial/), which TypeScript's DOM library does not describe.
 * Only what the app uses. `navigator.serial` is absent outside Chromium desktop (and recent
 * Firefox) and outside secure contexts, hence optional.
 */
interface SerialPortInfo {
  usbVendorId?: number;
  usbProductId?: number;
}

interface SerialOptions {
  baudRate: number;
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
  bufferSize?: number;
  flowControl?: 'none' | 'hardware';
}

interface SerialPortFilter {
  usbVendorId?: number;
  usbProductId?: number;
}

interface SerialPortRequestOptions {
  filters?: SerialPortFilter[];
}

interface SerialPort extends EventTarget {
  /**
   * Bytes from the device while open. A framing, parity, overrun or break error ends one stream
   * and a fresh one takes its place; when the device is lost it becomes null.
   */
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  getInfo(): SerialPortInfo;
  /** Rejects with InvalidStateError if already open, NetworkError if the OS will not open it. */
  open(options: SerialOptions): Promise<void>;
  close(): Promise<void>;
}

interface Serial extends EventTarget {
  /** Shows the port chooser; must be called from a user gesture. Rejects with NotFoundError on cancel. */
  requestPort(options?: SerialPortRequestOptions): Promise<SerialPort>;
  getPorts(): Promise<SerialPort[]>;
}

interface Navigator {
  readonly serial?: Serial;
}
