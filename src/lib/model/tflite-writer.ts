/**
 * A TensorFlow Lite flatbuffer (schema version 3) assembled from tensors and builtin operators,
 * for every network kind's .tflite writer: float32 weights, one subgraph, one signature.
 *
 * Written by hand rather than through the flatbuffers library: a model of a few tables. Every
 * reference points forward (flatbuffers offsets are unsigned), so each table is written before
 * what it refers to, and the references are filled in as their targets are placed.
 *
 * @example
 * const model = new TfliteModel();
 * const input = model.tensor('features', [1, 22]);
 * const output = model.tensor('probabilities', [1, 3]);
 * model.operator(SOFTMAX, [input], [output], SOFTMAX_OPTIONS, [[0, scalar('f32', 1)]]);
 * const bytes = model.finish(input, output, 'description');
 */
export class TfliteModel {
  readonly #tensors: Table[] = [];
  readonly #buffers: Table[] = [table([])];
  readonly #operators: Table[] = [];
  readonly #codes: number[] = [];

  /** A tensor, constant when `data` is given; its index. */
  tensor(name: string, shape: readonly number[], data?: Float32Array | Int32Array): number {
    let buffer = 0;
    if (data) {
      this.#buffers.push(table([[0, vector('u8', new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 16)]]));
      buffer = this.#buffers.length - 1;
    }
    const type = data instanceof Int32Array ? INT32 : FLOAT32;
    this.#tensors.push(table([[0, vector('i32', shape)], [1, scalar('u8', type)], [2, scalar('u32', buffer)], [3, string(name)]]));
    return this.#tensors.length - 1;
  }

  /** A builtin operator over tensors, with its options table (`optionsType` is its BuiltinOptions member). */
  operator(code: number, inputs: readonly number[], outputs: readonly number[], optionsType: number, options: [slot: number, value: Value][]): void {
    if (!this.#codes.includes(code)) this.#codes.push(code);
    this.#operators.push(
      table([
        [0, scalar('u32', this.#codes.indexOf(code))],
        [1, vector('i32', inputs)],
        [2, vector('i32', outputs)],
        [3, scalar('u8', optionsType)],
        [4, table(options)],
      ]),
    );
  }

  /** The flatbuffer, `input` in and `output` out under the names 'features' and 'probabilities'. */
  finish(input: number, output: number, description: string): Uint8Array {
    const operatorCode = (code: number) => table([[0, scalar('u8', code)], [2, scalar('i32', 1)], [3, scalar('i32', code)]]);
    const tensorMap = (name: string, index: number) => table([[0, string(name)], [1, scalar('u32', index)]]);
    const model = table([
      [0, scalar('u32', 3)],
      [1, tables(this.#codes.map(operatorCode))],
      [2, tables([table([[0, tables(this.#tensors)], [1, vector('i32', [input])], [2, vector('i32', [output])], [3, tables(this.#operators)], [4, string('main')]])])],
      [3, string(description)],
      [4, tables(this.#buffers)],
      [7, tables([table([[0, tables([tensorMap('features', input)])], [1, tables([tensorMap('probabilities', output)])], [2, string('serving_default')], [4, scalar('u32', 0)]])])],
    ]);
    return serialize(model, 'TFL3');
  }
}

const FLOAT32 = 0;
const INT32 = 2;
/** ActivationFunctionType. */
export const NONE = 0;
export const RELU = 1;
/** Padding. */
export const VALID = 1;
/** BuiltinOperator codes. */
export const CONV_2D = 3;
export const FULLY_CONNECTED = 9;
export const MAX_POOL_2D = 17;
export const RESHAPE = 22;
export const SOFTMAX = 25;
export const MEAN = 40;
/** BuiltinOptions union members. */
export const CONV_2D_OPTIONS = 1;
export const POOL_2D_OPTIONS = 5;
export const FULLY_CONNECTED_OPTIONS = 8;
export const SOFTMAX_OPTIONS = 9;
export const RESHAPE_OPTIONS = 17;
export const REDUCER_OPTIONS = 27;

/**
 * A Dense layer as FULLY_CONNECTED (its relu fused) and, for a softmax layer, SOFTMAX after it;
 * the tensor of its outputs. TFLite stores the weights as [units, inputs]; Keras as [inputs, units].
 */
export function denseOperators(model: TfliteModel, layer: { inputs: number; units: number; kernel: Float32Array; bias: Float32Array; activation: string }, input: number, name: string): number {
  const weights = new Float32Array(layer.kernel.length);
  for (let i = 0; i < layer.inputs; i += 1) for (let u = 0; u < layer.units; u += 1) weights[u * layer.inputs + i] = layer.kernel[i * layer.units + u]!;
  const kernel = model.tensor(`${name}/kernel`, [layer.units, layer.inputs], weights);
  const bias = model.tensor(`${name}/bias`, [layer.units], layer.bias);
  const output = model.tensor(name, [1, layer.units]);
  model.operator(FULLY_CONNECTED, [input, kernel, bias], [output], FULLY_CONNECTED_OPTIONS, [[0, scalar('u8', layer.activation === 'relu' ? RELU : NONE)]]);
  if (layer.activation !== 'softmax') return output;
  const probabilities = model.tensor('probabilities', [1, layer.units]);
  model.operator(SOFTMAX, [output], [probabilities], SOFTMAX_OPTIONS, [[0, scalar('f32', 1)]]);
  return probabilities;
}

export type ScalarKind = 'u8' | 'i32' | 'u32' | 'f32';
const sizeOf: Record<ScalarKind, number> = { u8: 1, i32: 4, u32: 4, f32: 4 };

export type Value =
  | { kind: 'scalar'; type: ScalarKind; value: number }
  | { kind: 'vector'; type: ScalarKind; values: ArrayLike<number>; align: number }
  | { kind: 'string'; text: string }
  | { kind: 'tables'; items: Table[] }
  | Table;
interface Table {
  kind: 'table';
  fields: [slot: number, value: Value][];
}

export const scalar = (type: ScalarKind, value: number): Value => ({ kind: 'scalar', type, value });
export const vector = (type: ScalarKind, values: ArrayLike<number>, align = sizeOf[type]): Value => ({ kind: 'vector', type, values, align });
const string = (text: string): Value => ({ kind: 'string', text });
const tables = (items: Table[]): Value => ({ kind: 'tables', items });
const table = (fields: [number, Value][]): Table => ({ kind: 'table', fields });

/** Writes the root table after a root offset and a file identifier, then everything it reaches. */
function serialize(root: Table, identifier: string): Uint8Array {
  const out = new Writer();
  out.u32(0);
  for (const char of identifier) out.u8(char.charCodeAt(0));
  const pending: { at: number; target: Exclude<Value, { kind: 'scalar' }> }[] = [];
  const rootAt = writeTable(out, root, pending);
  out.patch(0, rootAt);
  // Breadth first: each target lands after every reference to it.
  while (pending.length > 0) {
    const { at, target } = pending.shift()!;
    const placed = target.kind === 'table' ? writeTable(out, target, pending) : writeVectorLike(out, target, pending);
    out.patch(at, placed - at);
  }
  return out.bytes();
}

function writeTable(out: Writer, value: Table, pending: { at: number; target: Exclude<Value, { kind: 'scalar' }> }[]): number {
  const fields = [...value.fields].sort((a, b) => fieldSize(b[1]) - fieldSize(a[1]));
  const slots = value.fields.reduce((most, [slot]) => Math.max(most, slot + 1), 0);
  // The table's layout: a soffset to the vtable, then fields, largest first so each is aligned.
  const offsets = new Map<number, number>();
  let size = 4;
  for (const [slot, field] of fields) {
    const width = fieldSize(field);
    size = Math.ceil(size / width) * width;
    offsets.set(slot, size);
    size += width;
  }
  size = Math.ceil(size / 4) * 4;
  // The vtable just before the table (which must start 4-aligned).
  const vtableBytes = 4 + 2 * slots;
  out.pad((out.length + vtableBytes) % 4 === 0 ? 0 : 4 - ((out.length + vtableBytes) % 4));
  const vtableAt = out.length;
  out.u16(vtableBytes);
  out.u16(size);
  for (let slot = 0; slot < slots; slot += 1) out.u16(offsets.get(slot) ?? 0);
  const tableAt = out.length;
  out.i32(tableAt - vtableAt);
  out.pad(size - 4);
  for (const [slot, field] of fields) {
    const at = tableAt + offsets.get(slot)!;
    if (field.kind === 'scalar') out.set(field.type, at, field.value);
    else pending.push({ at, target: field });
  }
  return tableAt;
}

function fieldSize(value: Value): number {
  return value.kind === 'scalar' ? sizeOf[value.type] : 4;
}

function writeVectorLike(out: Writer, value: Exclude<Value, { kind: 'scalar' } | Table>, pending: { at: number; target: Exclude<Value, { kind: 'scalar' }> }[]): number {
  if (value.kind === 'string') {
    const bytes = new TextEncoder().encode(value.text);
    out.align(4, 0);
    const at = out.length;
    out.u32(bytes.length);
    for (const byte of bytes) out.u8(byte);
    out.u8(0);
    return at;
  }
  if (value.kind === 'tables') {
    out.align(4, 0);
    const at = out.length;
    out.u32(value.items.length);
    for (const item of value.items) {
      pending.push({ at: out.length, target: item });
      out.u32(0);
    }
    return at;
  }
  // The elements aligned to `align`, the length just before them.
  out.align(Math.max(4, value.align), 4);
  const at = out.length;
  out.u32(value.values.length);
  for (let i = 0; i < value.values.length; i += 1) out.append(value.type, value.values[i]!);
  return at;
}

/** A growing little-endian buffer. */
class Writer {
  #bytes = new Uint8Array(1024);
  #view = new DataView(this.#bytes.buffer);
  length = 0;

  #reserve(count: number): void {
    if (this.length + count <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.length + count));
    grown.set(this.#bytes);
    this.#bytes = grown;
    this.#view = new DataView(grown.buffer);
  }
  set(type: ScalarKind, at: number, value: number): void {
    if (type === 'u8') this.#view.setUint8(at, value);
    else if (type === 'i32') this.#view.setInt32(at, value, true);
    else if (type === 'u32') this.#view.setUint32(at, value, true);
    else this.#view.setFloat32(at, value, true);
  }
  append(type: ScalarKind, value: number): void {
    this.#reserve(sizeOf[type]);
    this.set(type, this.length, value);
    this.length += sizeOf[type];
  }
  u8(value: number): void {
    this.append('u8', value);
  }
  u32(value: number): void {
    this.append('u32', value);
  }
  i32(value: number): void {
    this.append('i32', value);
  }
  u16(value: number): void {
    this.#reserve(2);
    this.#view.setUint16(this.length, value, true);
    this.length += 2;
  }
  pad(count: number): void {
    this.#reserve(count);
    this.length += count;
  }
  /** Pads so that `length + ahead` is a multiple of `alignment`. */
  align(alignment: number, ahead: number): void {
    const over = (this.length + ahead) % alignment;
    if (over > 0) this.pad(alignment - over);
  }
  patch(at: number, value: number): void {
    this.#view.setUint32(at, value, true);
  }
  bytes(): Uint8Array {
    return this.#bytes.slice(0, this.length);
  }
}
