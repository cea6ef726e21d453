import { SvelteSet } from 'svelte/reactivity';
import type { BulkPatch, BulkResult } from '../lib/store/bulk-edits';
import { messageOf } from '../lib/i18n/coded-error';
import type { Recording } from '../lib/store/recording';
import { dataset } from './dataset.svelte';
import { peopleOf, RecordingIndex, type RecordingFilter } from './recording-filter';
import { settings } from './settings.svelte';

/** What the Data list's bulk actions need of the dataset (the app's `dataset`; a fake in tests). */
export interface DataListData {
  readonly recordings: readonly Recording[];
  updateMany(ids: readonly string[], patch: BulkPatch): Promise<BulkResult>;
  deleteMany(ids: readonly string[]): Promise<BulkResult>;
}

/** What the last bulk action did, for the page to say. */
export type BulkOutcome = BulkResult & { action: 'deleted' | 'person' | 'label' };

/**
 * The Data page's list: the search, the person and activity filters, the recordings selected
 * and what is done to them together. The actions apply to the selected recordings the list
 * shows, never to ones a filter hides. Kept across visits to the page, like the dataset.
 */
export class DataList implements RecordingFilter {
  query = $state('');
  person = $state<string | null>(null);
  label = $state<string | null>(null);
  /** Ids of the selected recordings. */
  readonly selected = new SvelteSet<string>();
  /** The deletion of the selected recordings waits for the user's confirmation. */
  confirmingDelete = $state(false);
  busy = $state(false);
  outcome = $state.raw<BulkOutcome | undefined>();
  error = $state<string | undefined>();
  readonly #data: DataListData;

  // Search keys are worked out when the recordings change, not on every keystroke.
  readonly #index = $derived.by(() => new RecordingIndex(this.#data.recordings));
  readonly shown: Recording[] = $derived(this.#index.filter(this));
  readonly people: string[] = $derived.by(() => peopleOf(this.#data.recordings, settings.locale));
  /** The selected recordings the list shows: what the bulk actions apply to. */
  readonly chosen: Recording[] = $derived(this.shown.filter((recording) => this.selected.has(recording.id)));

  constructor(data: DataListData = dataset) {
    this.#data = data;
  }

  toggle(id: string): void {
    if (!this.selected.delete(id)) this.selected.add(id);
  }

  selectAllShown(): void {
    for (const recording of this.shown) this.selected.add(recording.id);
  }

  selectNone(): void {
    this.selected.clear();
    this.confirmingDelete = false;
  }

  setPerson(person: string): Promise<void> {
    return this.#apply('person', (ids) => this.#data.updateMany(ids, { group: person }));
  }

  setLabel(label: string): Promise<void> {
    return this.#apply('label', (ids) => this.#data.updateMany(ids, { label }));
  }

  /** Deletes the chosen recordings, once `confirmingDelete` was asked for and confirmed. */
  deleteChosen(): Promise<void> {
    return this.#apply('deleted', (ids) => this.#data.deleteMany(ids));
  }

  async #apply(action: BulkOutcome['action'], change: (ids: string[]) => Promise<BulkResult>): Promise<void> {
    const ids = this.chosen.map((recording) => recording.id);
    if (ids.length === 0 || this.busy) return;
    this.error = undefined;
    this.outcome = undefined;
    this.busy = true;
    try {
      const result = await change(ids);
      this.outcome = { action, ...result };
      // What was deleted is no longer there to stay selected; the rest (those skipped too) stays for a next action.
      if (action === 'deleted') {
        for (const id of ids) if (!this.#data.recordings.some((recording) => recording.id === id)) this.selected.delete(id);
      }
    } catch (caught) {
      this.error = messageOf(caught, settings.locale);
    } finally {
      this.busy = false;
      this.confirmingDelete = false;
    }
  }
}

export const dataList = new DataList();
