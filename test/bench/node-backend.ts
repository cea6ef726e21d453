import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startBackend, type BackendStatus } from '../../src/lib/compute/backend';

/** tfjs on its wasm backend in Node, the binaries read from the installed package: how `npm run evaluate` starts it. */
export function startNodeBackend(): Promise<BackendStatus> {
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return startBackend({ plain: join(wasmDir, 'tfjs-backend-wasm.wasm'), simd: join(wasmDir, 'tfjs-backend-wasm-simd.wasm') });
}
