import type { AdamSettings } from './adam';
import type { DenseProducts, EngineLayer } from './dense-kernels';

/**
 * The lean engine's three matrix products in WebAssembly SIMD, four float32 lanes at a time, and its
 * dropout and adam's update (both to the last bit as dense-kernels.ts's and adam.ts's), over
 * arrays that live in one WebAssembly.Memory (Float32Array views on it, handed out by
 * `allocate`), so a step copies nothing. The module's bytes are written here by a small emitter
 * rather than assembled from a .wat at build time: no toolchain to install, and the module is a
 * few hundred bytes, small enough for `new WebAssembly.Module` to compile synchronously on the
 * page's main thread as well as in a worker or Node. dense-kernels.ts keeps the same products in
 * TypeScript, the fallback where WebAssembly SIMD is missing and the reference a test checks these
 * against.
 *
 * Each product loops over byte addresses (arrays are passed as their byteOffset), four units a
 * vector, the units beyond a multiple of four one at a time.
 */

/** WebAssembly value types and opcodes used below. */
const I32 = 0x7f;
const F32 = 0x7d;
const F64 = 0x7c;
const V128 = 0x7b;
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  select: 0x1b,
  i32Load: 0x28,
  f32Load: 0x2a,
  i32Store: 0x36,
  f32Store: 0x38,
  f32Const: 0x43,
  f64Const: 0x44,
  i32Const: 0x41,
  i32GeS: 0x4e,
  i32GeU: 0x4f,
  i32LtS: 0x48,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32ShrU: 0x76,
  f32Add: 0x92,
  f32Mul: 0x94,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f32DemoteF64: 0xb6,
  f64PromoteF32: 0xbb,
  simd: 0xfd,
} as const;
/** SIMD opcodes (after the 0xfd prefix), LEB128-encoded. */
const simdOp = {
  v128Load: [0x00],
  load32Splat: [0x09],
  v128Store: [0x0b],
  v128Const: [0x0c],
  f32x4ExtractLane: [0x1f],
  f32x4Add: [0xe4, 0x01],
  f32x4Mul: [0xe6, 0x01],
} as const;

type Bytes = number[];

function leb(value: number): Bytes {
  const out: Bytes = [];
  let rest = value;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const unsignedLeb = (value: number): Bytes => (value < 0x80 ? [value] : [(value & 0x7f) | 0x80, ...unsignedLeb(value >>> 7)]);
const get = (local: number): Bytes => [op.localGet, local];
const set = (local: number): Bytes => [op.localSet, local];
const int = (value: number): Bytes => [op.i32Const, ...leb(value)];
const add = (a: Bytes, b: Bytes): Bytes => [...a, ...b, op.i32Add];
const mul = (a: Bytes, b: Bytes): Bytes => [...a, ...b, op.i32Mul];
/** local += step. */
const advance = (local: number, step: Bytes): Bytes => [...add(get(local), step), ...set(local)];
/** Memory access aligned to 4 bytes, no offset. */
const memarg = [2, 0];
const vLoad = (address: Bytes): Bytes => [...address, op.simd, ...simdOp.v128Load, ...memarg];
const vSplat = (address: Bytes): Bytes => [...address, op.simd, ...simdOp.load32Splat, ...memarg];
const vStore = (address: Bytes, value: Bytes): Bytes => [...address, ...value, op.simd, ...simdOp.v128Store, ...memarg];
const vZero: Bytes = [op.simd, ...simdOp.v128Const, ...new Array<number>(16).fill(0)];
/** acc += a · b, four lanes. */
const vMulAdd = (acc: number, a: Bytes, b: Bytes): Bytes => [...get(acc), ...a, ...b, op.simd, ...simdOp.f32x4Mul, op.simd, ...simdOp.f32x4Add, ...set(acc)];
const fZero: Bytes = [op.f32Const, 0, 0, 0, 0];
const fLoad = (address: Bytes): Bytes => [...address, op.f32Load, ...memarg];
const fStore = (address: Bytes, value: Bytes): Bytes => [...address, ...value, op.f32Store, ...memarg];
const fMulAdd = (acc: number, a: Bytes, b: Bytes): Bytes => [...get(acc), ...a, ...b, op.f32Mul, op.f32Add, ...set(acc)];
const lane = (vector: number, which: number): Bytes => [...get(vector), op.simd, ...simdOp.f32x4ExtractLane, which];

/** for (counter = from; counter < limit; counter += step) body — the body skipped when from ≥ limit. */
function forRange(counter: number, from: Bytes, limit: Bytes, step: Bytes, body: Bytes): Bytes {
  return [
    ...from,
    ...set(counter),
    op.block,
    0x40,
    ...get(counter),
    ...limit,
    op.i32GeS,
    op.brIf,
    0,
    op.loop,
    0x40,
    ...body,
    ...advance(counter, step),
    ...get(counter),
    ...limit,
    op.i32LtS,
    op.brIf,
    0,
    op.end,
    op.end,
  ];
}

/** Names for a function's parameters and locals, numbered in order as WebAssembly refers to them. */
function numbered<const Names extends readonly string[]>(...names: Names): Record<Names[number], number> {
  return Object.fromEntries(names.map((name, index) => [name, index])) as Record<Names[number], number>;
}


/*
 * The products, with every size in bytes: `rowIn` = inputs · 4, `rowOut` = units · 4, `quadEnd` =
 * the bytes of the units that fill whole vectors. Each function's parameters come first in its
 * numbering, then its nine i32 locals, the v128 `acc` and the f32 `sum`.
 */

/** A product's body: nine i32 locals, a v128 and an f32 after its parameters, the sizes in bytes computed, then `code`. */
function productBody({ inputs, units, rowIn, rowOut, quadEnd }: Record<'inputs' | 'units' | 'rowIn' | 'rowOut' | 'quadEnd', number>, code: Bytes): Bytes {
  const content = [
    ...[3, 9, I32, 1, V128, 1, F32],
    ...mul(get(inputs), int(4)),
    ...set(rowIn),
    ...mul(get(units), int(4)),
    ...set(rowOut),
    ...[...get(rowOut), ...int(-16), op.i32And],
    ...set(quadEnd),
    ...code,
    op.end,
  ];
  return [...unsignedLeb(content.length), ...content];
}

/** after = before · kernel + bias, row by row: each vector of four units summed over the inputs. */
function affineBody(): Bytes {
  const { before, after, kernel, bias, inputs, units, count, rowIn, rowOut, quadEnd, end, x, y, u, i, k, acc, sum } = numbered('before', 'after', 'kernel', 'bias', 'inputs', 'units', 'count', 'rowIn', 'rowOut', 'quadEnd', 'end', 'x', 'y', 'u', 'i', 'k', 'acc', 'sum');
  const over = (inner: Bytes): Bytes => forRange(i, int(0), get(rowIn), int(4), [...inner, ...advance(k, get(rowOut))]);
  return productBody(
    { inputs, units, rowIn, rowOut, quadEnd },
    [
      ...add(get(before), mul(get(count), get(rowIn))),
      ...set(end),
      ...get(after),
      ...set(y),
      ...forRange(x, get(before), get(end), get(rowIn), [
        ...forRange(u, int(0), get(quadEnd), int(16), [
          ...vLoad(add(get(bias), get(u))),
          ...set(acc),
          ...add(get(kernel), get(u)),
          ...set(k),
          ...over(vMulAdd(acc, vSplat(add(get(x), get(i))), vLoad(get(k)))),
          ...vStore(add(get(y), get(u)), get(acc)),
        ]),
        ...forRange(u, get(quadEnd), get(rowOut), int(4), [
          ...fLoad(add(get(bias), get(u))),
          ...set(sum),
          ...add(get(kernel), get(u)),
          ...set(k),
          ...over(fMulAdd(sum, fLoad(add(get(x), get(i))), fLoad(get(k)))),
          ...fStore(add(get(y), get(u)), get(sum)),
        ]),
        ...advance(y, get(rowOut)),
      ]),
    ],
  );
}

/** kernelGrad = beforeᵀ · delta: each vector of four units summed down the batch. */
function weightGradientsBody(): Bytes {
  const { before, delta, kernelGrad, inputs, units, count, rowIn, rowOut, quadEnd, i, u, x, d, end, g, acc, sum } = numbered('before', 'delta', 'kernelGrad', 'inputs', 'units', 'count', 'rowIn', 'rowOut', 'quadEnd', 'i', 'u', 'x', 'd', 'end', 'g', 'acc', 'sum');
  // Down the batch: x walks column i of `before`, d column u of `delta`.
  const down = (inner: Bytes): Bytes => [
    ...add(get(delta), get(u)),
    ...set(d),
    ...add(add(get(before), get(i)), mul(get(count), get(rowIn))),
    ...set(end),
    ...forRange(x, add(get(before), get(i)), get(end), get(rowIn), [...inner, ...advance(d, get(rowOut))]),
  ];
  return productBody(
    { inputs, units, rowIn, rowOut, quadEnd },
    [
      ...get(kernelGrad),
      ...set(g),
      ...forRange(i, int(0), get(rowIn), int(4), [
        ...forRange(u, int(0), get(quadEnd), int(16), [...vZero, ...set(acc), ...down(vMulAdd(acc, vSplat(get(x)), vLoad(get(d)))), ...vStore(add(get(g), get(u)), get(acc))]),
        ...forRange(u, get(quadEnd), get(rowOut), int(4), [
          ...fZero,
          ...set(sum),
          ...down(fMulAdd(sum, fLoad(get(x)), fLoad(get(d)))),
          ...fStore(add(get(g), get(u)), get(sum)),
        ]),
        ...advance(g, get(rowOut)),
      ]),
    ],
  );
}

/** into = delta · kernelᵀ: each value a dot product along the units, four at a time, the lanes added at the end. */
function backThroughBody(): Bytes {
  const { delta, into, kernel, inputs, units, count, rowIn, rowOut, quadEnd, d, end, z, w, i, u, acc, sum } = numbered('delta', 'into', 'kernel', 'inputs', 'units', 'count', 'rowIn', 'rowOut', 'quadEnd', 'd', 'end', 'z', 'w', 'i', 'u', 'acc', 'sum');
  return productBody(
    { inputs, units, rowIn, rowOut, quadEnd },
    [
      ...add(get(delta), mul(get(count), get(rowOut))),
      ...set(end),
      ...get(into),
      ...set(z),
      ...forRange(d, get(delta), get(end), get(rowOut), [
        ...get(kernel),
        ...set(w),
        ...forRange(i, int(0), get(rowIn), int(4), [
          ...vZero,
          ...set(acc),
          ...forRange(u, int(0), get(quadEnd), int(16), vMulAdd(acc, vLoad(add(get(d), get(u))), vLoad(add(get(w), get(u))))),
          ...lane(acc, 0),
          ...lane(acc, 1),
          op.f32Add,
          ...lane(acc, 2),
          ...lane(acc, 3),
          op.f32Add,
          op.f32Add,
          ...set(sum),
          ...forRange(u, get(quadEnd), get(rowOut), int(4), fMulAdd(sum, fLoad(add(get(d), get(u))), fLoad(add(get(w), get(u))))),
          ...fStore(add(get(z), get(i)), get(sum)),
          ...advance(w, get(rowOut)),
        ]),
        ...advance(z, get(rowIn)),
      ]),
    ],
  );
}

/**
 * Dropout over `size` floats from `values`, as dense-kernels.ts's `dropOut`: mulberry32 in i32
 * arithmetic from the state at `state` (written back at the end), a value kept when its draw u is
 * at least the rate, that is when the 32-bit integer behind u (u · 2^32) is at least `threshold`
 * = ⌈rate · 2^32⌉, compared unsigned; the multiplication done in f64 and rounded once to f32, as
 * JavaScript does it.
 */
function dropOutBody(): Bytes {
  const { values, scales, size, threshold, kept, state, at, end, s, t, into, scale } = numbered('values', 'scales', 'size', 'threshold', 'kept', 'state', 'at', 'end', 's', 't', 'into', 'scale');
  const shiftXor = (local: number, by: number): Bytes => [...get(local), ...get(local), ...int(by), op.i32ShrU, op.i32Xor];
  const content = [
    ...[2, 5, I32, 1, F64],
    ...get(state),
    op.i32Load,
    ...memarg,
    ...set(s),
    ...add(get(values), mul(get(size), int(4))),
    ...set(end),
    ...get(scales),
    ...set(into),
    ...forRange(at, get(values), get(end), int(4), [
      ...advance(s, int(0x6d2b79f5)),
      // t = imul(s ^ (s >>> 15), s | 1); t ^= t + imul(t ^ (t >>> 7), t | 61); t ^= t >>> 14
      ...shiftXor(s, 15),
      ...get(s),
      ...int(1),
      op.i32Or,
      op.i32Mul,
      ...set(t),
      ...get(t),
      ...get(t),
      ...shiftXor(t, 7),
      ...get(t),
      ...int(61),
      op.i32Or,
      op.i32Mul,
      op.i32Add,
      op.i32Xor,
      ...set(t),
      ...shiftXor(t, 14),
      ...set(t),
      ...get(kept),
      op.f64Const,
      ...new Array<number>(8).fill(0),
      ...get(t),
      ...get(threshold),
      op.i32GeU,
      op.select,
      ...set(scale),
      ...fStore(get(at), [...fLoad(get(at)), op.f64PromoteF32, ...get(scale), op.f64Mul, op.f32DemoteF64]),
      ...fStore(get(into), [...get(scale), op.f32DemoteF64]),
      ...advance(into, int(4)),
    ]),
    ...get(state),
    ...get(s),
    op.i32Store,
    ...memarg,
    op.end,
  ];
  return [...unsignedLeb(content.length), ...content];
}

/**
 * Adam's step over `count` weights, as adam.ts's `adamUpdate` writes it: every operation in f64,
 * in the same order, on the float32 values read, each result rounded once to float32 as it is
 * stored; `(1 − β1)` and `(1 − β2)` come computed, as JavaScript computes them.
 */
function adamBody(): Bytes {
  const { param, grad, first, second, count, learningRate, beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, correction1, correction2, at, end, g, m, v } = numbered(
    'param', 'grad', 'first', 'second', 'count', 'learningRate', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'epsilon', 'correction1', 'correction2', 'at', 'end', 'g', 'm', 'v',
  );
  const read = (array: number): Bytes => [...fLoad(add(get(array), get(at))), op.f64PromoteF32];
  const content = [
    ...[2, 2, I32, 3, F64],
    ...mul(get(count), int(4)),
    ...set(end),
    ...forRange(at, int(0), get(end), int(4), [
      ...read(grad),
      ...set(g),
      // m = β1 · first + (1 − β1) · g; v = β2 · second + (1 − β2) · g · g
      ...get(beta1),
      ...read(first),
      op.f64Mul,
      ...get(oneMinusBeta1),
      ...get(g),
      op.f64Mul,
      op.f64Add,
      ...set(m),
      ...get(beta2),
      ...read(second),
      op.f64Mul,
      ...get(oneMinusBeta2),
      ...get(g),
      op.f64Mul,
      ...get(g),
      op.f64Mul,
      op.f64Add,
      ...set(v),
      ...fStore(add(get(first), get(at)), [...get(m), op.f32DemoteF64]),
      ...fStore(add(get(second), get(at)), [...get(v), op.f32DemoteF64]),
      // param − (rate · (m / c1)) / (√(v / c2) + ε)
      ...fStore(add(get(param), get(at)), [
        ...read(param),
        ...get(learningRate),
        ...get(m),
        ...get(correction1),
        op.f64Div,
        op.f64Mul,
        ...get(v),
        ...get(correction2),
        op.f64Div,
        op.f64Sqrt,
        ...get(epsilon),
        op.f64Add,
        op.f64Div,
        op.f64Sub,
        op.f32DemoteF64,
      ]),
    ]),
    op.end,
  ];
  return [...unsignedLeb(content.length), ...content];
}

function section(id: number, content: Bytes): Bytes {
  return [id, ...unsignedLeb(content.length), ...content];
}

const name = (text: string): Bytes => [...unsignedLeb(text.length), ...Array.from(text, (char) => char.charCodeAt(0))];

/** The module: memory imported as env.memory, the three products and dropout exported by name. */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const exported = ['affine', 'weightGradients', 'backThrough', 'dropOut', 'adam'];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    // Types: (i32 × 7) → () for affine, (i32 × 6) → () for the other two products, (i32 × 4, f64, i32) → () for dropout, (i32 × 5, f64 × 8) → () for adam.
    ...section(1, [
      ...[4, 0x60, 7, ...new Array<number>(7).fill(I32), 0, 0x60, 6, ...new Array<number>(6).fill(I32), 0],
      ...[0x60, 6, I32, I32, I32, I32, F64, I32, 0, 0x60, 13, ...new Array<number>(5).fill(I32), ...new Array<number>(8).fill(F64), 0],
    ]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [5, 0, 1, 1, 2, 3]),
    ...section(7, [5, ...exported.flatMap((exportName, index) => [...name(exportName), 0x00, index])]),
    ...section(10, [5, ...affineBody(), ...weightGradientsBody(), ...backThroughBody(), ...dropOutBody(), ...adamBody()]),
  ]);
}

interface ProductExports {
  affine(before: number, after: number, kernel: number, bias: number, inputs: number, units: number, count: number): void;
  weightGradients(before: number, delta: number, kernelGrad: number, inputs: number, units: number, count: number): void;
  backThrough(delta: number, into: number, kernel: number, inputs: number, units: number, count: number): void;
  dropOut(values: number, scales: number, size: number, threshold: number, kept: number, state: number): void;
  adam(
    param: number, grad: number, first: number, second: number, count: number,
    learningRate: number, beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, epsilon: number, correction1: number, correction2: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly or its SIMD is missing; compiled once. */
function productsModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const bytes = moduleBytes();
  compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  return compiled;
}

const PAGE_BYTES = 65536;

/**
 * One engine's memory and the products over it: `allocate` hands out float32 arrays inside it
 * (up to the `floats` asked for at the start; the memory never grows after, so the views stay
 * valid), and the products take only such arrays.
 */
export class SimdArena implements DenseProducts {
  readonly #memory: WebAssembly.Memory;
  readonly #exports: ProductExports;
  readonly #floats: number;
  #used = 0;

  private constructor(module: WebAssembly.Module, floats: number) {
    this.#floats = floats;
    this.#memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((floats * 4) / PAGE_BYTES)) });
    this.#exports = new WebAssembly.Instance(module, { env: { memory: this.#memory } }).exports as unknown as ProductExports;
  }

  /** An arena for `floats` float32 values, or undefined where WebAssembly SIMD is not available. */
  static create(floats: number): SimdArena | undefined {
    const module = productsModule();
    return module ? new SimdArena(module, floats) : undefined;
  }

  /** `length` zeroed floats in the arena, 16-byte aligned. */
  allocate(length: number): Float32Array {
    const at = this.#used;
    this.#used += Math.ceil(length / 4) * 4;
    if (this.#used > this.#floats) throw new RangeError(`SimdArena: ${this.#used} floats asked of ${this.#floats}`);
    return new Float32Array(this.#memory.buffer, at * 4, length);
  }

  /** Where `array` starts in the memory: an array from elsewhere would silently read the wrong bytes, so it throws. */
  #at(array: Float32Array | Uint32Array): number {
    if (array.buffer !== this.#memory.buffer) throw new RangeError('SimdArena: an array not allocated in this arena');
    return array.byteOffset;
  }

  affine(before: Float32Array, after: Float32Array, { inputs, units, kernel, bias }: EngineLayer, count: number): void {
    this.#exports.affine(this.#at(before), this.#at(after), this.#at(kernel), this.#at(bias), inputs, units, count);
  }

  weightGradients(before: Float32Array, delta: Float32Array, kernelGrad: Float32Array, inputs: number, units: number, count: number): void {
    this.#exports.weightGradients(this.#at(before), this.#at(delta), this.#at(kernelGrad), inputs, units, count);
  }

  backThrough(delta: Float32Array, into: Float32Array, { inputs, units, kernel }: EngineLayer, count: number): void {
    this.#exports.backThrough(this.#at(delta), this.#at(into), this.#at(kernel), inputs, units, count);
  }

  /** `state` too lives in the arena: a Uint32Array over floats it handed out. */
  dropOut(values: Float32Array, scales: Float32Array, size: number, rate: number, state: Uint32Array): void {
    // Passed as an i32, a threshold of 2^31 or more wraps to the same bits, which the module compares unsigned.
    this.#exports.dropOut(this.#at(values), this.#at(scales), size, Math.ceil(rate * 4294967296), 1 / (1 - rate), this.#at(state));
  }

  adam(param: Float32Array, grad: Float32Array, first: Float32Array, second: Float32Array, { learningRate, beta1, beta2, epsilon }: AdamSettings, beta1Power: number, beta2Power: number): void {
    this.#exports.adam(this.#at(param), this.#at(grad), this.#at(first), this.#at(second), param.length, learningRate, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, 1 - beta1Power, 1 - beta2Power);
  }
}
