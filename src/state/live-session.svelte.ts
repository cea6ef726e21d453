import { LiveClassifier, liveOptionsFrom, type LiveOptions, type LivePrediction, type UnknownReason } from '../lib/classify/live-classifier';
import type { RuleLabel } from '../lib/classify/rules';
import type { DeviceClassification } from '../lib/sensors/ble-own-protocol';
import { CodedError, messageOf } from '../lib/i18n/coded-error';
import { SourceCancelledError, type MotionSource } from '../lib/sensors/source';
import type { SplitName, StoredModel } from '../lib/model/record';
import { RecentPercentiles } from '../lib/train/percentiles';
import { splitSideOf } from '../lib/train/trained-on';
import { dataset } from './dataset.svelte';
import { guide } from './guide.svelte';
import { readStored, settings, writeStored } from './settings.svelte';
import { SourceChoice } from './source-choice.svelte';
import { trainer } from './trainer.svelte';

/** How many recent answers the strip shows and the latency figures cover. */
const RECENT = 24;
const LATENCY_WINDOW = 200;
/** Where Live's options are remembered between visits. */
const OPTIONS_KEY = 'motion-lab.live-options';
const remembered = liveOptionsFrom(readStored(OPTIONS_KEY));

/** Live classification from the Live page: a source, a stored model, answers every stride. */
class LiveSession {
  readonly input = new SourceChoice();
  modelId = $state('');
  /** Live's options, as last started with (remembered between visits). */
  smoothing = $state(remembered.smoothing);
  threshold = $state(remembered.threshold);
  /** Say unknown for motion unlike anything the model was trained on (its unknown score). */
  unfamiliar = $state(remembered.unfamiliar);
  running = $state(false);
  starting = $state(false);
  error = $state<string | undefined>();
  notice = $state<string | undefined>();
  model = $state.raw<StoredModel | undefined>();
  latest = $state.raw<LivePrediction | undefined>();
  recent = $state.raw<number[]>([]);
  baseline = $state<RuleLabel | undefined>();
  /** Latency p50 and p99 of the latest answers (ms; NaN before the first). */
  latencyP50 = $state(Number.NaN);
  latencyP99 = $state(Number.NaN);
  windows = $state(0);
  /** A board that classifies too (firmware built with an exported model): its labels and latest answer. */
  deviceLabels = $state.raw<string[] | null>(null);
  deviceAnswer = $state.raw<DeviceClassification | undefined>();

  #source: MotionSource | undefined;
  readonly #latencies = new RecentPercentiles(LATENCY_WINDOW);

  /**
   * The recording chosen for replay and the side of the chosen model's split it was on, when that
   * side taught the model (train) or stopped its training (validation): its answers look better
   * than new motion's would.
   */
  readonly replaySeen = $derived.by((): { name: string; side: Exclude<SplitName, 'test'> } | undefined => {
    if (this.input.kind !== 'replay') return undefined;
    const model = trainer.models.find(({ id }) => id === this.modelId);
    const side = splitSideOf(model?.trainedOn, this.input.replayId);
    const recording = dataset.recordings.find(({ id }) => id === this.input.replayId);
    return recording && (side === 'train' || side === 'validation') ? { name: recording.name, side } : undefined;
  });

  /** Label shown large: the smoothed answer, or unknown. */
  get label(): string | undefined {
    const index = this.latest?.label;
    if (index === undefined || !this.model) return undefined;
    return index >= 0 ? this.model.preprocessing.labels[index] : '?';
  }

  /** The board's latest answer, as `label` gives the app's: a label, '?' for its unknown, undefined before its first. */
  get deviceLabel(): string | undefined {
    const index = this.deviceAnswer?.label;
    if (index === undefined) return undefined;
    return index >= 0 ? (this.deviceLabels?.[index] ?? '?') : '?';
  }

  /** Why the label shown is unknown ('unfamiliar': unlike anything the model was trained on), or undefined when it is not. */
  get unknownReason(): UnknownReason | undefined {
    return this.latest?.unknownReason;
  }

  /** Called from the Start tap: sensors and device choosers need it. */
  async start(): Promise<void> {
    if (this.running || this.starting) return;
    this.error = undefined;
    this.notice = undefined;
    this.starting = true;
    try {
      const model = await (await dataset.store()).models.get(this.modelId);
      if (!model) throw new CodedError('error.live.no-model');
      this.model = model;
      const classifier = new LiveClassifier(model.preprocessing, model.artifacts, this.#rememberOptions(), model.unknown);
      classifier.warmUp();
      this.latest = undefined;
      this.recent = [];
      this.#latencies.clear();
      this.latencyP50 = this.latencyP99 = Number.NaN;
      this.windows = 0;
      const source = await this.input.create({ loopReplay: true });
      this.#source = source;
      await source.start({
        samples: (batch) => {
          classifier.options = { smoothing: this.smoothing, threshold: this.threshold, unfamiliar: this.unfamiliar };
          for (const prediction of classifier.push(batch)) this.#show(prediction);
        },
        event: (event) => {
          if (event.type === 'disconnected') this.notice = messageOf(event.reason, settings.locale);
          if (event.type === 'ended') void this.stop();
        },
      });
      this.running = true;
      // Checked by shape, so that the Live page does not load the Bluetooth code for other sources.
      if ('deviceClassifications' in source && typeof source.deviceClassifications === 'function') {
        const listen = source.deviceClassifications as (onResult: (result: DeviceClassification) => void) => Promise<string[] | null>;
        // The board's own answers are extra: failing to read them leaves the browser's running.
        this.deviceLabels = await listen.call(source, (result) => (this.deviceAnswer = result)).catch((error: unknown) => {
          this.notice = messageOf(error, settings.locale);
          return null;
        });
      }
    } catch (error) {
      if (!(error instanceof SourceCancelledError)) this.error = messageOf(error, settings.locale);
      this.#source = undefined;
    } finally {
      this.starting = false;
    }
  }

  async stop(): Promise<void> {
    // As they ended: they can change while Live runs.
    this.#rememberOptions();
    const source = this.#source;
    this.#source = undefined;
    this.running = false;
    this.deviceLabels = null;
    this.deviceAnswer = undefined;
    await source?.stop();
  }

  /** The options now, remembered for the next visit. */
  #rememberOptions(): LiveOptions {
    const options = { smoothing: this.smoothing, threshold: this.threshold, unfamiliar: this.unfamiliar };
    writeStored(OPTIONS_KEY, JSON.stringify(options));
    return options;
  }

  #show(prediction: LivePrediction): void {
    this.latest = prediction;
    // A live answer, seen once, stays seen by the guide: the session's answers go when Live is left.
    guide.markClassifiedLive();
    this.baseline = prediction.baseline;
    this.recent = [...this.recent, prediction.label].slice(-RECENT);
    this.#latencies.add(prediction.latencyMs);
    this.latencyP50 = this.#latencies.percentile(50);
    this.latencyP99 = this.#latencies.percentile(99);
    this.windows += 1;
  }
}

export const liveSession = new LiveSession();
