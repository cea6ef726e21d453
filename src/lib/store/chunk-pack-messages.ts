/** A chunk's columns, as `packColumns` takes them, sent to the chunk packing worker (chunk-pack.worker.ts). */
export interface PackRequest {
  id: number;
  dt: Float32Array;
  acc: Float32Array;
  gyro: Float32Array | null;
}

/** The packed bytes (transferred), or why the worker could not pack them. */
export type PackReply = { id: number; packed: Uint8Array } | { id: number; failure: string };
