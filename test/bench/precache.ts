import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kib } from './stats';
import type { Benchmark } from './types';

/**
 * The URLs in the generated service worker's precache manifest, as dist/-relative paths.
 * vite-plugin-pwa lists the manifest icons a second time; Workbox caches a URL once, so do we.
 */
export function readPrecacheUrls(dist: string): { urls: string[]; listed: number } {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const listed = [...sw.matchAll(/\burl:"([^"]+)"/g)].map((match) => match[1] as string);
  if (listed.length === 0) throw new Error('dist/sw.js lists no precache entries (no `url:"..."` found)');
  return { urls: [...new Set(listed)], listed: listed.length };
}

/** What a first visit downloads in the background so every page works offline afterwards. */
export const precacheBytes: Benchmark = {
  name: 'shell.precache-bytes',
  needs: 'build',
  async run({ dist }) {
    const { urls, listed } = readPrecacheUrls(dist);
    const sizes = urls.map((url) => ({ url, bytes: statSync(join(dist, url)).size }));
    const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
    return {
      results: [
        { name: 'shell.precache-bytes', value: total, unit: 'bytes' },
        { name: 'shell.precache-entries', value: urls.length, unit: 'files' },
      ],
      notes: [
        `precache: ${urls.length} files (${listed} listed in sw.js), largest: ` +
          largest.map(({ url, bytes }) => `${url} ${kib(bytes)}`).join(', '),
      ],
    };
  },
};
