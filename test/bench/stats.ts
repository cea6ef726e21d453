import { gzipSync } from 'node:zlib';

/** Size a file would travel at over a gzip-compressing server; level 9 as static hosts precompress. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export { median, percentile } from '../../src/lib/train/percentiles';

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
