import { exportEdgeImpulseCsv } from '../lib/io/csv';
import { exportEdgeImpulseJson } from '../lib/io/edge-impulse-json';
import { fileNameFor } from '../lib/io/file-name';
import { messageOf } from '../lib/i18n/coded-error';
import { RollingWindow, type PlotColumns } from '../lib/plot/rolling-window';
import type { Recording } from '../lib/store/recording';
import type { RecordingStore } from '../lib/store/recordings';
import { downloadText } from '../shell/download';
import { dataset } from './dataset.svelte';
import { settings } from './settings.svelte';

/** What a recording's detail needs of the dataset (the app's `dataset`; a fake in tests). */
export interface RecordingDetailData {
  store(): Promise<Pick<RecordingStore, 'readSamples'>>;
  update(id: string, patch: Partial<Pick<Recording, 'name' | 'label' | 'group' | 'notes'>>): Promise<void>;
  trim(id: string, startMs: number, endMs: number): Promise<void>;
  split(id: string, atMs: number): Promise<void>;
}

/**
 * One recording opened on the Data page: its plot, the edit form (from the recording as it is
 * when opened), trim, split and export. A failed edit says why in `error` and changes nothing.
 */
export class RecordingDetail {
  name = $state('');
  label = $state('');
  group = $state('');
  notes = $state('');
  trimStartS = $state(0);
  trimEndS = $state(0);
  splitAtS = $state(0);
  error = $state<string | undefined>();
  /** The samples as the plot draws them, once read. */
  columns = $state.raw<PlotColumns | undefined>();
  readonly #recording: Recording;
  readonly #data: RecordingDetailData;
  readonly #download: typeof downloadText;

  constructor(recording: Recording, data: RecordingDetailData = dataset, download: typeof downloadText = downloadText) {
    this.#recording = recording;
    this.#data = data;
    this.#download = download;
    this.name = recording.name;
    this.label = recording.label;
    this.group = recording.group;
    this.notes = recording.notes;
    this.trimEndS = Math.floor(recording.durationMs) / 1000;
    this.splitAtS = Math.round(recording.durationMs / 2) / 1000;
  }

  /** Reads the samples for the plot. */
  async load(): Promise<void> {
    const samples = await this.#samples();
    const window = new RollingWindow(Math.max(1, samples.t.length));
    window.push(samples);
    this.columns = window.columns();
  }

  /** Saves the form; an empty name keeps the old one. */
  save(): Promise<void> {
    const { id, name } = this.#recording;
    return this.#run(() => this.#data.update(id, { name: this.name.trim() || name, label: this.label, group: this.group.trim(), notes: this.notes }));
  }

  trim(): Promise<void> {
    return this.#run(() => this.#data.trim(this.#recording.id, this.trimStartS * 1000, this.trimEndS * 1000));
  }

  split(): Promise<void> {
    return this.#run(() => this.#data.split(this.#recording.id, this.splitAtS * 1000));
  }

  /** Downloads the samples as Edge Impulse CSV or JSON (JSON needs a known rate: it has no timestamps). */
  async exportAs(format: 'csv' | 'json'): Promise<void> {
    const recording = this.#recording;
    const samples = await this.#samples();
    const fileName = fileNameFor(recording.label, recording.name, format);
    if (format === 'csv') this.#download(fileName, exportEdgeImpulseCsv(samples), 'text/csv');
    else this.#download(fileName, exportEdgeImpulseJson(samples, { intervalMs: 1000 / recording.rateHz, deviceName: recording.device }), 'application/json');
  }

  async #samples() {
    return (await this.#data.store()).readSamples(this.#recording.id);
  }

  async #run(edit: () => Promise<void>): Promise<void> {
    this.error = undefined;
    try {
      await edit();
    } catch (caught) {
      this.error = messageOf(caught, settings.locale);
    }
  }
}
