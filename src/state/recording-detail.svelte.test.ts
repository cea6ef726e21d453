import { describe, expect, it, vi } from 'vitest';
import type { MotionSamples } from '../lib/sensors/samples';
import { recordingFor } from '../lib/store/recordings';
import { RecordingDetail, type RecordingDetailData } from './recording-detail.svelte';

const samples: MotionSamples = { t: Float64Array.from({ length: 201 }, (_, i) => i * 20), acc: new Float32Array(603).fill(1), gyro: null };
const recording = recordingFor(samples, { id: 'a', name: 'walk 1', label: 'walking', group: 'ana', source: 'import', device: 'test board', startedAt: 0 });

function fakeDataset(): RecordingDetailData {
  return {
    store: async () => ({ readSamples: async () => samples }),
    update: vi.fn(async () => undefined),
    trim: vi.fn(async () => undefined),
    split: vi.fn(async () => {
      throw new Error('Splitting “walk 1” at 0 ms would leave one part empty.');
    }),
  };
}

describe('RecordingDetail', () => {
  it('starts the form from the recording: trim to its end, split in its middle', () => {
    const detail = new RecordingDetail(recording, fakeDataset(), vi.fn());
    expect([detail.name, detail.label, detail.group, detail.notes]).toEqual(['walk 1', 'walking', 'ana', '']);
    expect([detail.trimStartS, detail.trimEndS, detail.splitAtS]).toEqual([0, 4, 2]);
  });

  it('saves the form tidied, an empty name keeping the old one; trims in ms', async () => {
    const data = fakeDataset();
    const detail = new RecordingDetail(recording, data, vi.fn());
    detail.name = '  ';
    detail.group = ' ben ';
    await detail.save();
    expect(data.update).toHaveBeenCalledWith('a', { name: 'walk 1', label: 'walking', group: 'ben', notes: '' });
    detail.trimStartS = 0.5;
    detail.trimEndS = 1.5;
    await detail.trim();
    expect(data.trim).toHaveBeenCalledWith('a', 500, 1500);
    expect(detail.error).toBeUndefined();
  });

  it('a refused edit says why', async () => {
    const detail = new RecordingDetail(recording, fakeDataset(), vi.fn());
    detail.splitAtS = 0;
    await detail.split();
    expect(detail.error).toBe('Splitting “walk 1” at 0 ms would leave one part empty.');
  });

  it('reads the samples for the plot, and exports them as CSV or Edge Impulse JSON', async () => {
    const download = vi.fn();
    const detail = new RecordingDetail(recording, fakeDataset(), download);
    await detail.load();
    expect(detail.columns?.[0]).toHaveLength(201);
    await detail.exportAs('csv');
    await detail.exportAs('json');
    expect(download.mock.calls.map(([name, , type]) => [name, type])).toEqual([
      ['walking.walk 1.csv', 'text/csv'],
      ['walking.walk 1.json', 'application/json'],
    ]);
    expect(JSON.parse(download.mock.calls[1]?.[1] as string)).toMatchObject({ payload: { interval_ms: 20, device_name: 'test board' } });
  });
});
