/**
 * A seeded mutator for fuzzing the app's file readers: small valid files, changed the ways files
 * get damaged or made hostile (bytes flipped, cut short, spliced, numbers made extreme, JSON
 * fields replaced). Seeded, so that a failure names the input that caused it and happens again.
 */

import { mulberry32 } from '../../src/lib/train/random';
import { pathsOf } from './arbitraries';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const below = (random: Random, n: number) => Math.floor(random() * n);

/** Text a parser must cope with anywhere: separators, signs, extreme numbers, odd characters. */
const tokens = [
  ',', '\n', '\r', '\r\n', ' ', '-', '+', '.', 'e', 'E', '0', '9', '"', '{', '}', '[', ']', ':', 'null',
  'NaN', 'Infinity', '-inf', '1e308', '-1e308', '1e999', '1e-320', '5e-324', '0x10', '99999999999999999999', '-0',
  '__proto__', 'constructor', 'toString', 'accX', 'gyroX', 'timestamp', '\uFEFF', '\u0000', 'é', 'ñ', '𝄞', 'x'.repeat(200),
];
const tokenBytes = tokens.map((token) => new TextEncoder().encode(token));
const oddBytes = [0x00, 0xff, 0xfe, 0x80, 0xc3, 0x1f, 0x8b, 0x0a, 0x2c];

/** One random change to bytes; `others` are files to splice pieces from. */
export function mutateBytes(random: Random, input: Uint8Array, others: readonly Uint8Array[]): Uint8Array {
  const at = below(random, input.length + 1);
  const span = 1 + below(random, 16);
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  };
  switch (below(random, 8)) {
    case 0: {
      const out = input.slice();
      const i = Math.min(at, out.length - 1);
      if (i >= 0) out[i] = out[i]! ^ (1 << below(random, 8));
      return out;
    }
    case 1: {
      const out = input.slice();
      if (out.length > 0) out[Math.min(at, out.length - 1)] = pick(random, oddBytes);
      return out;
    }
    case 2:
      return join(input.subarray(0, at), pick(random, tokenBytes), input.subarray(at));
    case 3:
      return join(input.subarray(0, at), input.subarray(at + span));
    case 4:
      return join(input.subarray(0, at + span), input.subarray(at));
    case 5:
      return input.slice(0, at);
    case 6: {
      const other = pick(random, others);
      const from = below(random, other.length + 1);
      return join(input.subarray(0, at), other.subarray(from, from + below(random, 64)), input.subarray(at));
    }
    default:
      return replaceNumber(random, input);
  }
}

/** Replaces one run of digits with an extreme number: where most files keep their numbers. */
function replaceNumber(random: Random, input: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(input);
  const runs = [...text.matchAll(/-?\d+(\.\d+)?(e[+-]?\d+)?/g)];
  if (runs.length === 0) return input;
  const run = pick(random, runs);
  const extreme = pick(random, ['1e308', '-1e308', '1e-320', '0', '-0', '1e999', 'NaN', '4294967295', '-1', '0.00001', '1e21', '7.5']);
  return new TextEncoder().encode(text.slice(0, run.index) + extreme + text.slice(run.index + run[0].length));
}

/** Values to put where a JSON file had something else. */
const jsonValues: readonly unknown[] = [
  null, 0, -1, -0.5, 1e308, -1e308, 5e-324, 1e-320, 4_294_967_295, 2 ** 53, '', 'x'.repeat(300), '__proto__', 'constructor',
  true, [], {}, [null], [[1, 2, 3]], { __proto__: null }, ['accX', 'accY', 'accZ'],
];

/** One random change to parsed JSON: a part replaced, removed or repeated. Returns the text. */
export function mutateJson(random: Random, original: unknown): string {
  const paths = pathsOf(original).filter((path) => path.length > 0);
  if (paths.length === 0) return JSON.stringify(pick(random, jsonValues));
  const copy = structuredClone(original) as Record<string | number, unknown>;
  const path = pick(random, paths);
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
  const key = path.at(-1)!;
  const kind = below(random, 4);
  if (kind === 0 && Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (kind === 0) delete parent[key];
  else if (kind === 1 && Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[key]));
  else if (kind === 2) parent[key] = structuredClone(copy[pick(random, Object.keys(copy))]);
  else parent[key] = structuredClone(pick(random, jsonValues));
  return JSON.stringify(copy);
}

/**
 * `count` mutated inputs made from `seeds`, each one to three changes deep; for JSON formats
 * (`json: true`) half are changed in their structure (and at most one byte change), half in their bytes.
 */
export function* mutatedInputs(seed: number, seeds: readonly Uint8Array[], count: number, options: { json?: boolean } = {}): Generator<Uint8Array> {
  const random = mulberry32(seed);
  const parsed = options.json ? seeds.map((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown) : [];
  for (let i = 0; i < count; i += 1) {
    const which = below(random, seeds.length);
    const structural = options.json === true && random() < 0.5;
    let bytes = structural ? new TextEncoder().encode(mutateJson(random, parsed[which])) : seeds[which]!;
    // A changed structure is mostly kept valid JSON, so that it reaches the checks behind the syntax.
    for (let depth = structural ? below(random, 2) : 1 + below(random, 3); depth > 0; depth -= 1) bytes = mutateBytes(random, bytes, seeds);
    yield bytes;
  }
}
