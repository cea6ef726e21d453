import type { BackendStatus } from '../lib/compute/backend';
import type { ComputeRun } from '../lib/compute/compute-client';
import type { EpochLog } from '../lib/train/fit';
import type { TrainingStage } from '../lib/train/train-activity';
import { cautionBeforeSplit } from '../lib/train/split-caution';
import { defaultTrainingSettings } from '../lib/train/training-settings';
import type { TrainOutcome } from '../lib/compute/messages';
import { hintOf, messageOf } from '../lib/i18n/coded-error';
import { defaultFeatureConfig, featureGroups, type FeatureConfig } from '../lib/signal/features';
import type { NetworkKindName, StoredModel, TrainingSettings } from '../lib/model/record';
import { exportModel, parseModelFile } from '../lib/io/model-file';
import { downloadText } from '../shell/download';
import { busy } from './busy.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { guide } from './guide.svelte';
import { settings } from './settings.svelte';

const ACTIVE_KEY = 'motion-lab.activeModel';

export type TrainerState = 'idle' | 'training' | 'done' | 'failed';

/** What the results show, of a stored model or of a run: its scores, its labels and what training showed (absent in models saved before it was kept). */
export type ShownResults = Pick<StoredModel, 'metrics' | 'preprocessing' | 'results'> & { name?: string };

/**
 * Training from the Train page: the compute worker reads the recordings and trains, progress
 * comes back every epoch, and the finished model is stored with everything needed to use it again.
 */
class Trainer {
  settings = $state<TrainingSettings>({ ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] });
  /** What the network sees: window, stride, features or raw samples, feature groups. */
  features = $state<FeatureConfig>({ ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] });
  state = $state<TrainerState>('idle');
  stage = $state<TrainingStage | 'loading' | undefined>();
  backend = $state.raw<BackendStatus | undefined>();
  epochs = $state.raw<EpochLog[]>([]);
  outcome = $state.raw<TrainOutcome | undefined>();
  /** Why the last run failed, as thrown: worded below in the user's current language. */
  #failure = $state.raw<unknown>();
  readonly error = $derived(this.#failure === undefined ? undefined : { message: messageOf(this.#failure, settings.locale), hint: hintOf(this.#failure, settings.locale) });
  models = $state.raw<StoredModel[]>([]);
  activeModelId = $state<string | null>(readActive());
  readonly activeModel = $derived(this.models.find((model) => model.id === this.activeModelId));
  /**
   * The results the page shows: the chosen model's, kept with it, or a cancelled run's, which no
   * model keeps.
   */
  readonly shownResults = $derived<ShownResults | undefined>(this.outcome?.stopped === 'cancelled' ? this.outcome : this.activeModel);
  /**
   * Why the test score of the next run will be optimistic, from the split it will make (the same
   * recordings and seed as the worker's): shown before training starts.
   */
  readonly caution = $derived(cautionBeforeSplit(dataset.recordings, this.settings.seed));
  startedAt = $state(0);
  savedModel = $state.raw<StoredModel | undefined>();
  /** The outcome of the last model import: its name, or what was wrong. */
  modelMessage = $state<{ ok: boolean; text: string } | undefined>();

  #run: ComputeRun<TrainOutcome> | undefined;
  #endBusy: (() => void) | undefined;

  /** The kind of network to train. The 1-D CNN reads the window's x, y, z and |a| (the 'channels' input), the dense net features or raw samples. */
  get network(): NetworkKindName {
    return this.settings.network ?? 'dense';
  }

  set network(kind: NetworkKindName) {
    this.settings.network = kind;
    if (kind === 'cnn') this.features.input = 'channels';
    else if (this.features.input === 'channels') this.features.input = 'features';
  }

  /** The page's settings as a run in the worker takes them: plain copies, the feature groups in row order. */
  get runSettings(): { features: FeatureConfig; training: TrainingSettings } {
    return {
      features: { ...this.features, groups: featureGroups.filter((group) => this.features.groups.includes(group)) },
      training: { ...this.settings, hidden: [...this.settings.hidden] },
    };
  }

  async refreshModels(): Promise<void> {
    this.models = await (await dataset.store()).models.list();
    guide.models = this.models.length;
  }

  async train(): Promise<void> {
    if (this.state === 'training') return;
    this.state = 'training';
    this.stage = 'loading';
    this.#failure = undefined;
    this.outcome = undefined;
    this.savedModel = undefined;
    this.epochs = [];
    this.startedAt = performance.now();
    this.#endBusy = busy.start('busy.training');
    try {
      const run = computeClient.train(
        {
          // The page's own database, opened (and its interrupted recordings recovered) before the worker reads it.
          database: (await dataset.store()).name,
          ...this.runSettings,
        },
        { stage: (stage) => (this.stage = stage), epoch: (log) => (this.epochs = [...this.epochs, log]) },
      );
      this.#run = run;
      void run.backend.then((status) => (this.backend = status));
      await this.#finish(await run.done);
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#run = undefined;
    }
  }

  cancel(): void {
    this.#run?.cancel();
  }

  async setActive(id: string): Promise<void> {
    this.activeModelId = id;
    try {
      localStorage.setItem(ACTIVE_KEY, id);
    } catch {
      // Remembered for this visit only.
    }
  }

  async rename(id: string, name: string): Promise<void> {
    await (await dataset.store()).models.rename(id, name);
    await this.refreshModels();
  }

  /** Saves a model file's model (under a new id if one with its id is already here). */
  async importModel(file: File): Promise<void> {
    this.modelMessage = undefined;
    const parsed = parseModelFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) {
      this.modelMessage = { ok: false, text: `${parsed.error.message} ${parsed.error.hint}` };
      return;
    }
    let model: StoredModel;
    try {
      const { models } = await dataset.store();
      model = (await models.get(parsed.model.id)) ? { ...parsed.model, id: crypto.randomUUID() } : parsed.model;
      await models.save(model);
    } catch (error) {
      // A full disk is the user's to fix, not a crash: say so where the import was asked for.
      this.modelMessage = { ok: false, text: [messageOf(error, settings.locale), hintOf(error, settings.locale)].filter(Boolean).join(' ') };
      return;
    }
    await this.refreshModels();
    this.modelMessage = { ok: true, text: model.name };
  }

  exportModel(model: StoredModel): void {
    downloadText(`${fileSafe(model.name)}.motion-lab-model.json`, exportModel(model), 'application/json');
  }

  async remove(id: string): Promise<void> {
    await (await dataset.store()).models.delete(id);
    if (this.activeModelId === id) this.activeModelId = null;
    await this.refreshModels();
  }

  /** Stores a trained model, makes it the active one and lists it. */
  async keep(model: StoredModel): Promise<void> {
    await (await dataset.store()).models.save(model);
    await this.setActive(model.id);
    await this.refreshModels();
  }

  async #finish(outcome: TrainOutcome): Promise<void> {
    this.outcome = outcome;
    const model: StoredModel = {
      id: crypto.randomUUID(),
      name: outcome.preprocessing.labels.join(', '),
      createdAt: Date.now(),
      preprocessing: outcome.preprocessing,
      training: { ...this.settings, hidden: [...this.settings.hidden] },
      metrics: outcome.metrics,
      trainedOn: outcome.trainedOn,
      results: outcome.results,
      unknown: outcome.unknown,
      artifacts: outcome.artifacts,
    };
    if (outcome.stopped !== 'cancelled') {
      await this.keep(model);
      this.savedModel = model;
    }
    this.state = 'done';
    this.stage = undefined;
    this.#endBusy?.();
  }

  #fail(error: unknown): void {
    this.#failure = error;
    this.state = 'failed';
    this.stage = undefined;
    this.#endBusy?.();
  }
}

/** A model's name as a file name: letters, digits, dashes. */
function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'model';
}

function readActive(): string | null {
  try {
    return localStorage.getItem(ACTIVE_KEY);
  } catch {
    return null;
  }
}

export const trainer = new Trainer();
