import { describe, expect, it, vi } from 'vitest';
import type { Recording } from '../lib/store/recording';
import { recordingFor, StoreError } from '../lib/store/recordings';
import { DataList, type DataListData } from './data-list.svelte';

function recording(id: string, label: string, group: string): Recording {
  const samples = { t: new Float64Array(0), acc: new Float32Array(0), gyro: null };
  return recordingFor(samples, { id, name: `${label} ${id}`, label, group, source: 'import', device: 'test', startedAt: 0 });
}

/** A dataset whose bulk actions succeed (deleting for real from its list) unless told otherwise. */
class FakeData implements DataListData {
  recordings = $state.raw<Recording[]>([recording('1', 'walking', 'ana'), recording('2', 'running', 'ana'), recording('3', 'walking', 'ben')]);
  updateMany = vi.fn(async (ids: readonly string[]) => ({ changed: ids.length, skipped: [] }));
  deleteMany = vi.fn(async (ids: readonly string[]) => {
    this.recordings = this.recordings.filter((r) => !ids.includes(r.id));
    return { changed: ids.length, skipped: [] };
  });
}

describe('the Data list', () => {
  it('filters by person, activity and name, and lists the people', () => {
    const list = new DataList(new FakeData());
    expect(list.people).toEqual(['ana', 'ben']);
    list.person = 'ana';
    expect(list.shown.map((r) => r.id)).toEqual(['1', '2']);
    list.label = 'walking';
    expect(list.shown.map((r) => r.id)).toEqual(['1']);
    list.person = null;
    list.query = '3';
    expect(list.shown.map((r) => r.id)).toEqual(['3']);
  });

  it('acts only on the selected recordings the list shows, and says what it did', async () => {
    const data = new FakeData();
    const list = new DataList(data);
    list.selectAllShown();
    list.person = 'ana';
    expect(list.chosen.map((r) => r.id)).toEqual(['1', '2']);
    await list.setPerson('carla');
    expect(data.updateMany).toHaveBeenCalledWith(['1', '2'], { group: 'carla' });
    expect(list.outcome).toEqual({ action: 'person', changed: 2, skipped: [] });
    list.toggle('2');
    await list.setLabel('running');
    expect(data.updateMany).toHaveBeenLastCalledWith(['1'], { label: 'running' });
  });

  it('deletes the chosen ones; the others stay selected; select none clears the rest', async () => {
    const data = new FakeData();
    const list = new DataList(data);
    list.selectAllShown();
    list.label = 'walking';
    list.confirmingDelete = true;
    await list.deleteChosen();
    expect(data.deleteMany).toHaveBeenCalledWith(['1', '3']);
    expect(list.outcome).toEqual({ action: 'deleted', changed: 2, skipped: [] });
    expect([...list.selected]).toEqual(['2']);
    expect(list.confirmingDelete).toBe(false);
    list.selectNone();
    expect(list.selected.size).toBe(0);
    await list.deleteChosen();
    expect(data.deleteMany).toHaveBeenCalledTimes(1);
  });

  it('a failed action says why and keeps the selection', async () => {
    const data = new FakeData();
    data.updateMany.mockRejectedValueOnce(new StoreError('error.label.missing', { label: 'swimming' }));
    const list = new DataList(data);
    list.toggle('1');
    await list.setLabel('swimming');
    expect(list.error).toBe('There is no label “swimming”.');
    expect(list.outcome).toBeUndefined();
    expect([...list.selected]).toEqual(['1']);
  });
});
