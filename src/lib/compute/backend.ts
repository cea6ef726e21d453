import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Where the two single-threaded wasm binaries are served from. */
export interface WasmBinaries {
  plain: string;
  simd: string;
}

export interface BackendStatus {
  /** The tfjs backend in use: 'wasm' normally, 'webgl' or 'cpu' as fallbacks. */
  backend: string;
  version: string;
  simd: boolean;
  /** Why the wasm backend could not be used, when it could not. */
  fallbackReason?: string;
}

let started: Promise<BackendStatus> | undefined;

async function tryBackend(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Starts TensorFlow.js on the fastest backend that works here. On this kind of dense network
 * the wasm backend beats webgl (no GPU round trips for small matrices) and the plain cpu backend
 * by about 4×. Called once; later calls share the first start.
 */
export function startBackend(binaries: WasmBinaries): Promise<BackendStatus> {
  started ??= (async () => {
    // The multi-threaded wasm build crashed after minification in testing, and needs
    // cross-origin isolation anyway: keep to the single-threaded builds.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths({
      'tfjs-backend-wasm.wasm': binaries.plain,
      'tfjs-backend-wasm-simd.wasm': binaries.simd,
      // Never loaded (threads are off above), but tfjs wants an entry for every binary.
      'tfjs-backend-wasm-threaded-simd.wasm': binaries.simd,
    });
    let fallbackReason: string | undefined;
    if (!(await tryBackend('wasm'))) {
      fallbackReason = typeof WebAssembly === 'undefined' ? 'no WebAssembly' : 'wasm backend failed to start';
      if (!(await tryBackend('webgl')) && !(await tryBackend('cpu'))) {
        throw new Error('No TensorFlow.js backend could start on this device.');
      }
    }
    await tf.ready();
    const simd = tf.getBackend() === 'wasm' && (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
    const status: BackendStatus = { backend: tf.getBackend(), version: tf.version.tfjs, simd };
    if (fallbackReason) status.fallbackReason = fallbackReason;
    return status;
  })();
  return started;
}
