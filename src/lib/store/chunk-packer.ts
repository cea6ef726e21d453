import { packColumns } from './chunk-codec';
import type { PackReply, PackRequest } from './chunk-pack-messages';

/** Packs a chunk's columns: `packColumns`, on this thread or another. */
export type PackChunk = typeof packColumns;

/** A request the worker has not answered yet, with its columns kept to pack them here if need be. */
interface Waiting {
  columns: Parameters<PackChunk>;
  resolve: (packed: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/**
 * Packs a running recording's chunks in a worker. On the page's thread, deflate through
 * `CompressionStream` held it about 3 ms a save on a fast phone and 18 ms on one slowed 6×:
 * longer than the 17 ms between two readings at 60 Hz, and while the thread is held the
 * browser keeps only the latest reading. The bytes are the same (the same `packColumns` runs
 * there). A worker that cannot start or fails never costs a save: what it was asked, and all
 * that follows, is packed on this thread instead.
 *
 * @example
 * const packer = new ChunkPacker();
 * const packed = await packer.pack(dt, acc, gyro);
 * packer.close();
 */
export class ChunkPacker {
  #worker: Worker | undefined;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 0;

  /** `startWorker` starts the worker; without Worker (Node, a worker's own thread in old browsers) it packs here. */
  constructor(startWorker: () => Worker = () => new Worker(new URL('./chunk-pack.worker.ts', import.meta.url), { type: 'module' })) {
    if (typeof Worker !== 'function') return;
    try {
      this.#worker = startWorker();
    } catch {
      return;
    }
    this.#worker.onmessage = (event: MessageEvent<PackReply>) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#packHere();
    };
  }

  readonly pack: PackChunk = (dt, acc, gyro) => {
    const worker = this.#worker;
    if (!worker) return packColumns(dt, acc, gyro);
    return new Promise((resolve, reject) => {
      // Copies of the chunk's own samples, transferred: a chunk's columns may be views into a
      // whole save's buffer, which a message would otherwise copy whole for every chunk.
      const request: PackRequest = { id: (this.#nextId += 1), dt: dt.slice(), acc: acc.slice(), gyro: gyro ? gyro.slice() : null };
      this.#waiting.set(request.id, { columns: [dt, acc, gyro], resolve, reject });
      worker.postMessage(request, [request.dt.buffer, request.acc.buffer, ...(request.gyro ? [request.gyro.buffer] : [])]);
    });
  };

  /** Ends the worker; what it was still asked is packed here. */
  close(): void {
    this.#packHere();
  }

  #receive(reply: PackReply): void {
    const waiting = this.#waiting.get(reply.id);
    if (!waiting) return;
    this.#waiting.delete(reply.id);
    if ('packed' in reply) waiting.resolve(reply.packed);
    // Whatever failed there, this thread packs as it did before the worker.
    else packHere(waiting);
  }

  /** Stops using the worker: packs what it was asked, and all that follows, on this thread. */
  #packHere(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const waiting of this.#waiting.values()) packHere(waiting);
    this.#waiting.clear();
  }
}

function packHere({ columns, resolve, reject }: Waiting): void {
  packColumns(...columns).then(resolve, reject);
}
