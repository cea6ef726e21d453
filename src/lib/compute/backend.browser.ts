import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { startBackend, type BackendStatus } from './backend';

/**
 * Starts tfjs in the browser with the wasm binaries bundled by Vite, so they are hashed,
 * served by the app itself and precached for offline use.
 */
export function startBrowserBackend(): Promise<BackendStatus> {
  return startBackend({ plain, simd });
}
