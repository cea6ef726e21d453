/// <reference lib="webworker" />
import { packedBuffers, packSamples } from '../store/recordings';
import { parseInThisThread, toWire, type ImportParseResult, type ParseRequest, type ParseReply } from './parse-wire';

/**
 * Reads recording files off the page's thread, and packs their samples for the store under a
 * new id: a 500 KB CSV takes a cheap phone most of a second to parse and a few hundred ms more
 * to pack (column shuffles, deflate), and the page must not freeze while a class's files
 * import; it is left only the write. A picked file is read here, and bytes the page read arrive
 * transferred; the samples and their packed chunks go back transferred; nothing is copied.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, files, options } = event.data;
  const parsed = await parseInThisThread(files, options);
  const result: ImportParseResult = parsed.ok
    ? { ok: true, recordings: await Promise.all(parsed.recordings.map(async (recording) => ({ ...recording, packed: await packSamples(crypto.randomUUID(), recording.samples) }))) }
    : parsed;
  const reply: ParseReply = { id, result: toWire(result) };
  const recordings = reply.result.ok ? reply.result.recordings : [];
  const moved = recordings.flatMap(({ samples, packed }) => [
    samples.t.buffer,
    samples.acc.buffer,
    ...(samples.gyro ? [samples.gyro.buffer] : []),
    ...(packed ? packedBuffers(packed) : []),
  ]);
  scope.postMessage(reply, moved as Transferable[]);
};
