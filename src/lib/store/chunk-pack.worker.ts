/// <reference lib="webworker" />
import { packColumns } from './chunk-codec';
import type { PackReply, PackRequest } from './chunk-pack-messages';

/**
 * Packs a running recording's chunks off the page's thread (see chunk-packer.ts). The columns
 * arrive and the packed bytes go back transferred.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<PackRequest>) => {
  const { id, dt, acc, gyro } = event.data;
  let reply: PackReply;
  try {
    reply = { id, packed: await packColumns(dt, acc, gyro) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply, 'packed' in reply ? [reply.packed.buffer] : []);
};
