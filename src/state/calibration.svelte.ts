import type { CalibrateOutcome } from '../lib/compute/messages';
import type { StoredModel } from '../lib/model/record';
import { ComputeTask } from './compute-task.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { peopleOf } from './recording-filter';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

/** Seconds of each activity a calibration takes by default: about what a student records in a minute or two. */
export const defaultCalibrationSeconds = 30;

/**
 * "Calibrate to me": the active model adapted to one person in the compute worker, on the first
 * seconds of each of their activities; the calibrated model is stored beside the one it came from
 * (both kept), named after the person, and made active; the person's other recordings scored
 * before and after say whether it helped.
 */
class Calibration extends ComputeTask {
  #person = $state('');
  seconds = $state(defaultCalibrationSeconds);
  result = $state.raw<(CalibrateOutcome & { from: string }) | undefined>();
  kept = $state.raw<StoredModel | undefined>();
  /** The people who recorded, as the dataset names them (calibration takes their recordings by that exact name). */
  readonly people = $derived(peopleOf(dataset.recordings, settings.locale).filter((person) => person !== ''));

  /** The person chosen: the first one until someone is chosen, or when the one chosen has no recordings left. */
  get person(): string {
    return this.people.includes(this.#person) ? this.#person : (this.people[0] ?? '');
  }

  set person(person: string) {
    this.#person = person;
  }

  async run(model: StoredModel): Promise<void> {
    if (this.state === 'running' || this.person === '') return;
    this.result = undefined;
    this.kept = undefined;
    const person = this.person;
    await this.track(async (follow) => {
      const run = computeClient.calibrate({ database: (await dataset.store()).name, model: { artifacts: model.artifacts, preprocessing: model.preprocessing, trainedOn: model.trainedOn }, person, seconds: this.seconds });
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

export const calibration = new Calibration();
