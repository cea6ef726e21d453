import { SvelteMap } from 'svelte/reactivity';
import type { CalibrateOutcome } from '../lib/compute/messages';
import type { StoredModel } from '../lib/model/record';
import { personKey } from '../lib/recorder/people';
import type { Recording } from '../lib/store/recording';
import { ComputeTask } from './compute-task.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { recordSession, SOMEONE_NEW } from './record-session.svelte';
import { peopleOf } from './recording-filter';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

/** Seconds of each activity a calibration takes by default: about what a student records in a minute or two. */
export const defaultCalibrationSeconds = 30;

/** One activity of the model on the checklist of the person chosen. */
export interface ChecklistItem {
  label: string;
  /** The person's recordings of it (the take recorded here among them), oldest first. */
  recordings: Recording[];
  /** The take recorded here for it, while it is stored: calibration takes from it first. */
  take: Recording | undefined;
}

/**
 * "Calibrate to me": the active model adapted to one person in the compute worker, on the first
 * seconds of each of their activities; the calibrated model is stored beside the one it came from
 * (both kept), named after the person, and made active; the person's other recordings scored
 * before and after say whether it helped. A take of each activity can be recorded here, by the
 * Record page's session from its source: an ordinary recording of that person and activity.
 */
class Calibration extends ComputeTask {
  /** The person chosen in the list: one who recorded, or SOMEONE_NEW with the name in `newPerson`. */
  #choice = $state<string | undefined>();
  newPerson = $state('');
  seconds = $state(defaultCalibrationSeconds);
  /** The takes recorded here: recording ids by person (`personKey`) and activity. */
  readonly #takes = new SvelteMap<string, string>();
  /** The activity whose take is being recorded here. */
  recording = $state<string | undefined>();
  /** The last take recorded here, and why the last one asked for was not stored. */
  lastTake = $state.raw<Recording | undefined>();
  takeError = $state<string | undefined>();
  result = $state.raw<(CalibrateOutcome & { from: string }) | undefined>();
  kept = $state.raw<StoredModel | undefined>();
  /** The people who recorded, as the dataset names them (calibration takes their recordings by that exact name). */
  readonly people = $derived(peopleOf(dataset.recordings, settings.locale).filter((person) => person !== ''));

  /**
   * The choice in the person list: the first person until someone is chosen, or when the one
   * chosen has no recordings left; someone new when nobody recorded yet.
   */
  get choice(): string {
    if (this.#choice === SOMEONE_NEW || (this.#choice !== undefined && this.people.includes(this.#choice))) return this.#choice;
    return this.people[0] ?? SOMEONE_NEW;
  }

  set choice(choice: string) {
    this.#choice = choice;
  }

  /** The person calibrated to, as their recordings name them ('' while a new one is unnamed). */
  get person(): string {
    if (this.choice !== SOMEONE_NEW) return this.choice;
    const typed = this.newPerson.trim();
    // A known name typed anew is that person, as the Record page's list settles it.
    return this.people.find((known) => personKey(known) === personKey(typed)) ?? typed;
  }

  /**
   * The model's activities for the person chosen, each with their recordings of it and the take
   * recorded here; calibration can run once each has at least one.
   */
  checklist(labels: readonly string[]): ChecklistItem[] {
    const person = this.person;
    const theirs = dataset.recordings.filter((recording) => recording.group === person && person !== '').sort((a, b) => a.startedAt - b.startedAt);
    return labels.map((label) => {
      const recordings = theirs.filter((recording) => recording.label === label);
      const takeId = this.#takes.get(takeKey(person, label));
      return { label, recordings, take: recordings.find((recording) => recording.id === takeId) };
    });
  }

  /**
   * Records a take of `label` by the person chosen, `seconds` long, on the Record page's session
   * and source (call from the tap: the phone asks for its sensors inside it). A stored take
   * replaces the one recorded here before, and a new person is then one of the list.
   */
  async recordTake(label: string): Promise<void> {
    const person = this.person;
    if (person === '' || recordSession.busy || this.state === 'running') return;
    this.takeError = undefined;
    this.lastTake = undefined;
    this.recording = label;
    const take = await recordSession.recordTake({ label, person, durationS: this.seconds });
    this.recording = undefined;
    if (!take) {
      this.takeError = recordSession.error;
      return;
    }
    this.#takes.set(takeKey(take.group, label), take.id);
    this.lastTake = take;
    await dataset.refresh();
    this.#choice = take.group;
    this.newPerson = '';
  }

  async run(model: StoredModel): Promise<void> {
    if (this.state === 'running' || this.person === '' || recordSession.busy) return;
    this.result = undefined;
    this.kept = undefined;
    const person = this.person;
    const take = this.checklist(model.preprocessing.labels).flatMap((item) => (item.take ? [item.take.id] : []));
    await this.track(async (follow) => {
      const run = computeClient.calibrate({ database: (await dataset.store()).name, model: { artifacts: model.artifacts, preprocessing: model.preprocessing, trainedOn: model.trainedOn }, person, seconds: this.seconds, take });
      follow(run);
      const result = await run.done;
      // Its source's training results describe the source, not this one, so they stay behind; the
      // hidden layers are the source's, so the unknown score's statistics still hold. It learnt
      // from the source's recordings and the take's.
      const { results: _sourceResults, trainedOn: _sourceTrainedOn, ...source } = model;
      const calibrated: StoredModel = {
        ...source,
        id: crypto.randomUUID(),
        name: settings.t('train.calibrate.modelName', { model: model.name, person }),
        createdAt: Date.now(),
        artifacts: result.artifacts,
        ...(result.trainedOn && { trainedOn: result.trainedOn }),
      };
      await trainer.keep(calibrated);
      this.kept = calibrated;
      this.result = { ...result, from: model.name };
    });
  }
}

function takeKey(person: string, label: string): string {
  return `${personKey(person)}\n${label}`;
}

export const calibration = new Calibration();
