/// <reference lib="webworker" />
import { parseRecordingFiles } from './recording-file';
import { toWire, type ParseRequest, type ParseReply } from './parse-wire';

/**
 * Reads recording files off the page's thread: a 500 KB CSV takes a cheap phone most of a second
 * to parse, and the page must not freeze while a class's files import. The bytes arrive
 * transferred, the samples go back transferred; nothing is copied.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, files, options } = event.data;
  const result = await parseRecordingFiles(files.map(({ name, bytes }) => ({ name, content: new Uint8Array(bytes) })), options);
  const reply: ParseReply = { id, result: toWire(result) };
  const recordings = reply.result.ok ? reply.result.recordings : [];
  const moved = recordings.flatMap(({ samples }) => [samples.t.buffer, samples.acc.buffer, ...(samples.gyro ? [samples.gyro.buffer] : [])]);
  scope.postMessage(reply, moved as Transferable[]);
};
