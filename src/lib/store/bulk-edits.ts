import { chunkRange } from './chunks';
import type { Recording } from './recording';
import type { MotionDb } from './schema';
import { StoreError } from './store-error';
import { committed } from './transaction';

/** What one change may set on many recordings at once: the activity, who recorded them. */
export type BulkPatch = Partial<Pick<Recording, 'label' | 'group'>>;

/** What a change of many recordings did: how many it changed, and the names of those it left alone (being recorded). */
export interface BulkResult {
  changed: number;
  skipped: string[];
}

/**
 * Sets `patch` on recordings `ids`, in one transaction: a label that is not (or no longer) a
 * label, or a recording gone meanwhile, aborts it with nothing changed. Returns how many changed.
 */
export async function updateRecordings(db: MotionDb, ids: readonly string[], patch: BulkPatch): Promise<number> {
  const tx = db.transaction(['labels', 'recordings'], 'readwrite');
  const recordings = tx.objectStore('recordings');
  const [label, rows] = await Promise.all([
    patch.label === undefined ? undefined : tx.objectStore('labels').get(patch.label),
    Promise.all(ids.map((id) => recordings.get(id))),
  ]);
  await committed(tx, function* () {
    if (patch.label !== undefined && !label) throw new StoreError('error.label.missing', { label: patch.label });
    for (const [i, row] of rows.entries()) {
      // Thrown after the rows before it were written: `committed` aborts, so none of them stays.
      if (!row) throw new StoreError('error.store.missing-recording', { id: ids[i] ?? '' });
      yield recordings.put({ ...row, ...patch });
    }
  });
  return rows.length;
}

/** Deletes recordings `ids` and their samples, in one transaction: a recording gone meanwhile aborts it with nothing deleted. */
export async function deleteRecordings(db: MotionDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction(['recordings', 'chunks'], 'readwrite');
  const recordings = tx.objectStore('recordings');
  const counted = await Promise.all(ids.map((id) => recordings.count(id)));
  await committed(tx, function* () {
    for (const [i, id] of ids.entries()) {
      if (counted[i] === 0) throw new StoreError('error.store.missing-recording', { id });
      yield recordings.delete(id);
      yield tx.objectStore('chunks').delete(chunkRange(id));
    }
  });
  return ids.length;
}
