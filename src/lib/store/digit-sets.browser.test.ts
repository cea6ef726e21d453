import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openMotionDb } from './db';
import type { MotionDb } from './schema';
import { classesOf } from './digit-set';
import { DigitSetStore } from './digit-sets';
import { importDigitFiles } from '../learn/opened-digits';
import { encodeIdx, IdxError } from '../learn/idx';

let db: MotionDb;
let sets: DigitSetStore;
let name = '';

beforeEach(async () => {
  name = `digit-sets-${crypto.randomUUID()}`;
  db = await openMotionDb(name);
  sets = new DigitSetStore(db);
});

afterEach(async () => {
  db.close();
  await deleteDB(name);
});

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const images = encodeIdx({ dims: [12, 28, 28], data: Uint8Array.from({ length: 12 * 784 }, (_, i) => i % 251) });
const labels = encodeIdx({ dims: [12], data: Uint8Array.from({ length: 12 }, (_, i) => i % 10) });

describe('digit sets in IndexedDB', () => {
  it('keeps opened IDX files (gzip-compressed) across a reopening, and deletes them', async () => {
    const stored = await importDigitFiles(sets, [
      { name: 'train-images-idx3-ubyte.gz', bytes: await gzip(images) },
      { name: 'train-labels-idx1-ubyte.gz', bytes: await gzip(labels) },
    ]);
    db.close();
    db = await openMotionDb(name);
    sets = new DigitSetStore(db);
    expect(await sets.list()).toEqual([stored]);
    expect(stored).toMatchObject({ trainCount: 10, testCount: 2 });
    const read = await sets.load(stored.id);
    expect(read?.train.images).toBeInstanceOf(Uint8Array);
    expect(read?.train.images.length).toBe(10 * 784);
    expect(read?.test.images[0]).toBe((10 * 784) % 251);
    await sets.delete(stored.id);
    expect(await sets.list()).toEqual([]);
    expect(await db.count('digitSets')).toBe(0);
  });

  it('keeps the classes chosen when the files were opened; a set stored before the choice, without the field, is digits', async () => {
    const files = [
      { name: 'train-images-idx3-ubyte', bytes: images },
      { name: 'train-labels-idx1-ubyte', bytes: labels },
    ];
    const fashion = await importDigitFiles(sets, files, 'fashion');
    const digits = await importDigitFiles(sets, files);
    // As an older version stored it: the description record without a classes field.
    const old = { id: 'old', name: 'old', files: [], createdAt: 0, trainCount: 10, testCount: 2 };
    await db.put('digitSets', old);
    db.close();
    db = await openMotionDb(name);
    sets = new DigitSetStore(db);
    const listed = await sets.list();
    expect(listed.map((info) => [info.id, classesOf(info)])).toEqual([
      ['old', 'digits'],
      [fashion.id, 'fashion'],
      [digits.id, 'digits'],
    ]);
    expect(listed[0]).toEqual(old);
    expect(classesOf(undefined)).toBe('digits');
  });

  it('stores nothing when a file is bad: truncated, wrong magic number, or counts that do not match', async () => {
    const fewerLabels = encodeIdx({ dims: [11], data: new Uint8Array(11) });
    const wrongMagic = images.slice();
    wrongMagic[0] = 0x1f;
    wrongMagic[1] = 0x00;
    for (const files of [
      [{ name: 'train-images-idx3-ubyte', bytes: images.subarray(0, 1000) }, { name: 'train-labels-idx1-ubyte', bytes: labels }],
      [{ name: 'train-images-idx3-ubyte', bytes: wrongMagic }, { name: 'train-labels-idx1-ubyte', bytes: labels }],
      [{ name: 'train-images-idx3-ubyte', bytes: images }, { name: 'train-labels-idx1-ubyte', bytes: fewerLabels }],
    ]) {
      await expect(importDigitFiles(sets, files)).rejects.toBeInstanceOf(IdxError);
    }
    expect(await db.count('digitSets')).toBe(0);
  });
});
