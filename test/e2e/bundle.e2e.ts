import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/preview';

/**
 * TensorFlow.js ships once, inside the compute worker: a page chunk that pulled it in (a type
 * import that turned into a value import, a settings object next to a trainer) would make every
 * student download and precache a second copy (about 850 KB). These strings are kernel and flag
 * names that survive minification and appear only in tfjs's own code.
 */
const tfjsMarkers = ['Conv2DBackpropFilter', 'WEBGL_VERSION', 'WASM_HAS_SIMD_SUPPORT'];
const dist = process.env.MOTION_LAB_DIST ?? join(root, 'dist');

function scripts(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

describe('the production build', () => {
  const all = scripts(dist);
  const holdingTfjs = all.filter((file) => {
    const code = readFileSync(file, 'utf8');
    return tfjsMarkers.some((marker) => code.includes(marker));
  });

  it('has TensorFlow.js in the compute worker', () => {
    expect(holdingTfjs.some((file) => /\/compute\.worker-[\w-]+\.js$/.test(file))).toBe(true);
  });

  it('has no page chunk holding TensorFlow.js', () => {
    const pageChunks = holdingTfjs.filter((file) => !/\/compute\.worker-[\w-]+\.js$/.test(file));
    expect(pageChunks.map((file) => relative(dist, file))).toEqual([]);
  });
});
