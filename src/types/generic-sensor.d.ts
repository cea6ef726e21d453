/**
 * The Generic Sensor API (https://www.w3.org/TR/generic-sensor/, /accelerometer/, /gyroscope/),
 * which TypeScript's DOM library does not describe. Only what the app uses.
 */
interface SensorOptions {
  /** Requested sampling rate in Hz; the browser may cap it. */
  frequency?: number;
  referenceFrame?: 'device' | 'screen';
}

interface SensorErrorEvent extends Event {
  readonly error: DOMException;
}

interface SensorEventMap {
  reading: Event;
  activate: Event;
  error: SensorErrorEvent;
}

interface Sensor extends EventTarget {
  readonly activated: boolean;
  readonly hasReading: boolean;
  /** DOMHighResTimeStamp of the latest reading, on the performance.now() clock. */
  readonly timestamp: number | null;
  start(): void;
  stop(): void;
  addEventListener<K extends keyof SensorEventMap>(
    type: K,
    listener: (this: Sensor, event: SensorEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** Acceleration including gravity, in m/s². */
interface Accelerometer extends Sensor {
  readonly x: number | null;
  readonly y: number | null;
  readonly z: number | null;
}

declare const Accelerometer: {
  prototype: Accelerometer;
  new (options?: SensorOptions): Accelerometer;
};

/** Angular velocity in rad/s. */
interface Gyroscope extends Sensor {
  readonly x: number | null;
  readonly y: number | null;
  readonly z: number | null;
}

declare const Gyroscope: {
  prototype: Gyroscope;
  new (options?: SensorOptions): Gyroscope;
};
