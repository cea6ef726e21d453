import { fromWire, type ImportParseResult, type ParseReply, type ParseRequest, type RecordingParse } from './parse-wire';

/**
 * The page's way to the parse worker: one worker for a batch of files, answers matched by id,
 * closed when the batch is done. Where workers cannot start (an old browser), the caller keeps
 * parsing on its own thread.
 *
 * @example
 * const parser = new WorkerRecordingParser();
 * try { await importRecordingFiles(store, files, { parse: parser.parse }); } finally { parser.close(); }
 */
export class WorkerRecordingParser {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (result: ImportParseResult) => void; reject: (error: unknown) => void }>();
  #next = 0;

  constructor(startWorker: () => Worker = () => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' })) {
    this.#worker = startWorker();
    this.#worker.onmessage = (event: MessageEvent<ParseReply>) => {
      const waiting = this.#waiting.get(event.data.id);
      this.#waiting.delete(event.data.id);
      waiting?.resolve(fromWire(event.data.result));
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      const failure = new Error(`The file reader stopped: ${event.message || 'the worker failed to start'}`);
      for (const { reject } of this.#waiting.values()) reject(failure);
      this.#waiting.clear();
    };
  }

  readonly parse: RecordingParse = (files, options) =>
    new Promise((resolve, reject) => {
      const id = (this.#next += 1);
      this.#waiting.set(id, { resolve, reject });
      const request: ParseRequest = { id, files, options };
      this.#worker.postMessage(request, files.flatMap((file) => ('bytes' in file ? [file.bytes] : [])));
    });

  close(): void {
    this.#worker.terminate();
  }
}
