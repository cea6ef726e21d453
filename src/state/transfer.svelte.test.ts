import { describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../lib/io/backup';
import type { ImportFile } from '../lib/io/import';
import type { MotionSamples } from '../lib/sensors/samples';
import type { Recording } from '../lib/store/recording';
import { settings } from './settings.svelte';
import { Transfer, type TransferData } from './transfer.svelte';

function file(name: string, text: string): ImportFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
}

function csv(count: number): string {
  return ['timestamp,accX,accY,accZ', ...Array.from({ length: count }, (_, i) => `${i * 20},${Math.sin(i)},${Math.cos(i)},9.81`)].join('\n');
}

/** A dataset over a store kept in a Map: what the workflows write is what they read back. */
function fakeDataset(labels = ['walking']) {
  const stored = new Map<string, { recording: Recording; samples: MotionSamples }>();
  const ensure = (name: string) => labels.find((label) => label.toLowerCase() === name.toLowerCase()) ?? (labels.push(name), name);
  const data = {
    recordings: [] as Recording[],
    refresh: vi.fn(async () => {
      data.recordings = [...stored.values()].map(({ recording }) => recording);
    }),
    store: async () => ({
      labels: {
        list: async () => [...labels],
        ensureAll: async (names: readonly string[]) => new Map(names.map((name) => [name, ensure(name)])),
      },
      add: async (recording: Recording, samples: MotionSamples) => void stored.set(recording.id, { recording, samples }),
      addWithLabel: async (recording: Recording, samples: MotionSamples, label: string) => {
        const row = { ...recording, label: ensure(label) };
        stored.set(recording.id, { recording: row, samples });
        return row;
      },
      get: async (id: string) => stored.get(id)?.recording,
      readSamples: async (id: string) => stored.get(id)!.samples,
    }),
  } satisfies TransferData;
  return { data, stored, labels };
}

describe('Transfer', () => {
  it('loads the demo dataset once: six people, four activities, its labels made as needed', async () => {
    const { data, labels } = fakeDataset(['walking', 'running', 'biking', 'golfing']);
    const transfer = new Transfer(data, vi.fn());
    await transfer.loadDemo();
    expect(transfer.demo).toEqual({ state: 'done', added: 48, total: 48 });
    expect(new Set(data.recordings.map((recording) => recording.group))).toEqual(new Set(['Ana', 'Beto', 'Caro', 'Dani', 'Eli', 'Fer']));
    expect(new Set(data.recordings.map((recording) => recording.label))).toEqual(new Set(['walking', 'running', 'stairs', 'golfing']));
    expect(labels).toEqual(['walking', 'running', 'biking', 'golfing', 'stairs']);
    await transfer.loadDemo();
    expect(transfer.demo).toEqual({ state: 'done', added: 0, total: 48 });
    expect(data.recordings).toHaveLength(48);
  });

  it('loads the demo in the user’s language, joining the labels that already name its activities', async () => {
    settings.locale = 'es';
    await vi.waitFor(() => expect(settings.locale).toBe('es'), { timeout: 15_000 });
    try {
      const spanish = fakeDataset(['caminar', 'correr', 'bicicleta', 'golf']);
      await new Transfer(spanish.data, vi.fn()).loadDemo();
      expect(new Set(spanish.data.recordings.map((recording) => recording.label))).toEqual(new Set(['caminar', 'correr', 'escaleras', 'golf']));
      expect(spanish.labels).toEqual(['caminar', 'correr', 'bicicleta', 'golf', 'escaleras']);
      expect(spanish.data.recordings.find((recording) => recording.id === 'demo-ana-stairs-1')?.name).toBe('escaleras 1 · Ana');

      const english = fakeDataset(['Walking', 'running', 'biking', 'golfing']);
      await new Transfer(english.data, vi.fn()).loadDemo();
      expect(english.labels).toEqual(['Walking', 'running', 'biking', 'golfing', 'escaleras']);
    } finally {
      settings.locale = 'en';
      await vi.waitFor(() => expect(settings.locale).toBe('en'), { timeout: 15_000 });
    }
  });

  it('imports files with their progress, reports a bad one, and refreshes the dataset once', async () => {
    const { data } = fakeDataset();
    const transfer = new Transfer(data, vi.fn());
    transfer.personFrom = 'pattern';
    transfer.groupPattern = '\\.(S\\d+)-';
    const files = [file('Walking.S01-a.csv', csv(50)), file('running.S02-b.csv', `${csv(5)}\n200,1,oops,3\n`), file('stairs.S03-c.csv', csv(20))];
    const done = transfer.importFiles(files);
    expect(transfer.busy).toBe(true);
    expect(transfer.progress).toEqual({ done: 0, total: 3 });
    await done;
    expect(transfer.busy).toBe(false);
    expect(transfer.progress).toEqual({ done: 3, total: 3 });
    expect(transfer.imported).toBe(2);
    expect(transfer.failures.map((failure) => failure.file)).toEqual(['running.S02-b.csv']);
    expect(data.recordings.map((recording) => [recording.label, recording.group]).sort()).toEqual([
      ['stairs', 'S03'],
      ['walking', 'S01'],
    ]);
    expect(data.refresh).toHaveBeenCalledOnce();
  });

  it('refuses a group pattern that is not a regular expression, importing nothing', async () => {
    const { data, stored } = fakeDataset();
    const transfer = new Transfer(data, vi.fn());
    transfer.personFrom = 'pattern';
    transfer.groupPattern = '(unclosed';
    await transfer.importFiles([file('walking.a.csv', csv(5))]);
    expect(transfer.patternError).toMatch(/unterminated group/i);
    expect(stored.size).toBe(0);
    transfer.groupPattern = '';
    await transfer.importFiles([file('walking.a.csv', csv(5))]);
    expect(transfer.patternError).toBeUndefined();
    expect(stored.size).toBe(1);
  });

  it('with the person from a part of the file name, shows what each file would get before importing', async () => {
    const { data, stored } = fakeDataset();
    const transfer = new Transfer(data, vi.fn());
    transfer.personFrom = 'part';
    transfer.personPart = 2;
    await transfer.choose([file('walking.ana-1.csv', csv(5)), file('walking_ben_2.csv', csv(5))]);
    expect(stored.size).toBe(0);
    expect(transfer.preview).toEqual([
      { file: 'walking.ana-1.csv', person: 'ana', label: 'walking' },
      { file: 'walking_ben_2.csv', person: 'ben', label: 'walking_ben_2' },
    ]);
    transfer.personPart = 3;
    expect(transfer.preview.map((row) => row.person)).toEqual(['1', '2']);
    transfer.personPart = 2;
    await transfer.importPending();
    expect(transfer.pending).toEqual([]);
    expect(data.recordings.map((recording) => recording.group).sort()).toEqual(['ana', 'ben']);
  });

  it('takes the person from the folder of a picked folder’s files', async () => {
    const { data } = fakeDataset();
    const transfer = new Transfer(data, vi.fn());
    transfer.personFrom = 'folder';
    await transfer.choose([file('class/caro/walking.1.csv', csv(5))]);
    expect(transfer.preview).toEqual([{ file: 'class/caro/walking.1.csv', person: 'caro', label: 'walking' }]);
    await transfer.importPending();
    expect(data.recordings.map((recording) => recording.group)).toEqual(['caro']);
  });

  it('backs up every recording with its labels, and restores it elsewhere, skipping what is there', async () => {
    const { data } = fakeDataset(['walking', 'hopping']);
    const download = vi.fn();
    const transfer = new Transfer(data, download);
    await transfer.importFiles([file('walking.a.csv', csv(30)), file('hopping.b.csv', csv(40))]);
    await transfer.backup();
    expect(download).toHaveBeenCalledOnce();
    const [name, text, type] = download.mock.calls[0] as [string, string, string];
    expect(name).toMatch(/^motion-lab-backup-\d{4}-\d\d-\d\d\.json$/);
    expect(type).toBe('application/json');
    const parsed = parseBackup(name, new TextEncoder().encode(text));
    expect(parsed.ok && parsed.backup.recordings.map(({ recording }) => recording.id).sort()).toEqual(data.recordings.map((recording) => recording.id).sort());

    const elsewhere = fakeDataset([]);
    const restoring = new Transfer(elsewhere.data, vi.fn());
    await restoring.restore(file(name, text));
    expect(restoring.restored).toEqual({ ok: true, restored: ['a', 'b'], skipped: 0, refused: [] });
    expect(elsewhere.labels).toEqual(['walking', 'hopping']);
    await restoring.restore(file(name, text));
    expect(restoring.restored).toEqual({ ok: true, restored: [], skipped: 2, refused: [] });
    expect(elsewhere.data.refresh).toHaveBeenCalledTimes(2);
  });

  it('a restore names a recording it set aside, in words, and restores the others', async () => {
    const { data } = fakeDataset(['walking']);
    const download = vi.fn();
    const transfer = new Transfer(data, download);
    await transfer.importFiles([file('walking.a.csv', csv(30)), file('walking.b.csv', csv(40))]);
    await transfer.backup();
    const [name, text] = download.mock.calls[0] as [string, string];
    const json = JSON.parse(text);
    json.recordings[0].recording.rateHz = -50;
    const elsewhere = fakeDataset([]);
    const restoring = new Transfer(elsewhere.data, vi.fn());
    await restoring.restore(file(name, JSON.stringify(json)));
    const badName = json.recordings[0].recording.name as string;
    expect(restoring.restored).toMatchObject({ ok: true, restored: [json.recordings[1].recording.name], skipped: 0 });
    expect(restoring.restored?.ok && restoring.restored.refused).toEqual([
      { name: badName, error: expect.stringMatching(/recordings\[0\]\.recording\.rateHz should be a finite number, zero or more\./) },
    ]);
  });

  it('a damaged backup is refused by name and restores nothing', async () => {
    const { data, stored } = fakeDataset();
    const transfer = new Transfer(data, vi.fn());
    await transfer.restore(file('backup.json', '{"format":"motion-lab-backup","version":1,'));
    expect(transfer.restored).toMatchObject({ ok: false, error: expect.stringMatching(/^backup\.json/) });
    expect(stored.size).toBe(0);
  });
});
