import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, type Rolldown } from 'vite';
import { root } from '../support/preview';

export type BuiltFile = Rolldown.OutputChunk | Rolldown.OutputAsset;

/**
 * Builds one entry (a bench page, a baseline app) with the app's Svelte compiler, in memory:
 * dist/ is left alone, and the caller decides what to measure or write.
 */
export async function buildInMemory(entry: string): Promise<BuiltFile[]> {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [svelte()],
    // As the app builds its workers (vite.config.ts).
    worker: { format: 'es' },
    build: { write: false, target: 'es2022', rolldownOptions: { input: entry } },
  });
  return (Array.isArray(output) ? output : [output]).flatMap((bundle) => (bundle as Rolldown.RolldownOutput).output);
}

/** The bytes of a built file. */
export function contentOf(file: BuiltFile): string | Uint8Array {
  return file.type === 'chunk' ? file.code : file.source;
}
