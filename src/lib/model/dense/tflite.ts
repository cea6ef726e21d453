import type { DenseNetwork } from './network';

/**
 * The Dense network as a TensorFlow Lite flatbuffer (schema version 3), for TensorFlow Lite Micro
 * users: FULLY_CONNECTED per layer (its relu fused), SOFTMAX at the end, float32 weights. It takes
 * the standardised feature row, [1, inputs], as the network does: the features and their
 * standardisation are the C library's part, not TFLite's.
 *
 * Written by hand rather than through the flatbuffers library: a model of a few tables. Every
 * reference points forward (flatbuffers offsets are unsigned), so each table is written before
 * what it refers to, and the references are filled in as their targets are placed.
 */
export function tfliteModel(network: DenseNetwork, description: string): Uint8Array {
  const tensors: Table[] = [];
  const buffers: Table[] = [table([])];
  const operators: Table[] = [];
  const tensor = (name: string, shape: number[], data?: Float32Array): number => {
    let buffer = 0;
    if (data) {
      buffers.push(table([[0, vector('u8', new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 16)]]));
      buffer = buffers.length - 1;
    }
    tensors.push(table([[0, vector('i32', shape)], [1, scalar('u8', FLOAT32)], [2, scalar('u32', buffer)], [3, string(name)]]));
    return tensors.length - 1;
  };
  const input = tensor('features', [1, network.inputs]);
  let previous = input;
  network.layers.forEach((layer, l) => {
    // TFLite stores a fully connected layer's weights as [units, inputs]; Keras as [inputs, units].
    const weights = new Float32Array(layer.kernel.length);
    for (let i = 0; i < layer.inputs; i += 1) for (let u = 0; u < layer.units; u += 1) weights[u * layer.inputs + i] = layer.kernel[i * layer.units + u]!;
    const kernel = tensor(`dense_${l}/kernel`, [layer.units, layer.inputs], weights);
    const bias = tensor(`dense_${l}/bias`, [layer.units], layer.bias);
    const output = tensor(`dense_${l}`, [1, layer.units]);
    const fused = layer.activation === 'relu' ? RELU : NONE;
    operators.push(
      table([
        [0, scalar('u32', 0)],
        [1, vector('i32', [previous, kernel, bias])],
        [2, vector('i32', [output])],
        [3, scalar('u8', FULLY_CONNECTED_OPTIONS)],
        [4, table([[0, scalar('u8', fused)]])],
      ]),
    );
    previous = output;
    if (layer.activation === 'softmax') {
      const probabilities = tensor('probabilities', [1, layer.units]);
      operators.push(
        table([
          [0, scalar('u32', 1)],
          [1, vector('i32', [previous])],
          [2, vector('i32', [probabilities])],
          [3, scalar('u8', SOFTMAX_OPTIONS)],
          [4, table([[0, scalar('f32', 1)]])],
        ]),
      );
      previous = probabilities;
    }
  });
  const operatorCode = (code: number) => table([[0, scalar('u8', code)], [2, scalar('i32', 1)], [3, scalar('i32', code)]]);
  const tensorMap = (name: string, index: number) => table([[0, string(name)], [1, scalar('u32', index)]]);
  const model = table([
    [0, scalar('u32', 3)],
    [1, tables([operatorCode(FULLY_CONNECTED), operatorCode(SOFTMAX)])],
    [2, tables([table([[0, tables(tensors)], [1, vector('i32', [input])], [2, vector('i32', [previous])], [3, tables(operators)], [4, string('main')]])])],
    [3, string(description)],
    [4, tables(buffers)],
    [7, tables([table([[0, tables([tensorMap('features', input)])], [1, tables([tensorMap('probabilities', previous)])], [2, string('serving_default')], [4, scalar('u32', 0)]])])],
  ]);
  return serialize(model, 'TFL3');
}

const FLOAT32 = 0;
const NONE = 0;
const RELU = 1;
const FULLY_CONNECTED = 9;
const SOFTMAX = 25;
/** BuiltinOptions union members. */
const FULLY_CONNECTED_OPTIONS = 8;
const SOFTMAX_OPTIONS = 9;

type ScalarKind = 'u8' | 'i32' | 'u32' | 'f32';
const sizeOf: Record<ScalarKind, number> = { u8: 1, i32: 4, u32: 4, f32: 4 };

type Value =
  | { kind: 'scalar'; type: ScalarKind; value: number }
  | { kind: 'vector'; type: ScalarKind; values: ArrayLike<number>; align: number }
  | { kind: 'string'; text: string }
  | { kind: 'tables'; items: Table[] }
  | Table;
interface Table {
  kind: 'table';
  fields: [slot: number, value: Value][];
}

const scalar = (type: ScalarKind, value: number): Value => ({ kind: 'scalar', type, value });
const vector = (type: ScalarKind, values: ArrayLike<number>, align = sizeOf[type]): Value => ({ kind: 'vector', type, values, align });
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
