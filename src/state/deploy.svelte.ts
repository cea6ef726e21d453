import type { DeployBundle, SketchTexts } from '../lib/deploy/deploy-bundle';
import { DeployError, deployErrorText } from '../lib/deploy/deploy-error';
import { messageOf } from '../lib/i18n/coded-error';
import type { StoredModel } from '../lib/model/record';
import type { RecordingStore } from '../lib/store/recordings';
import { downloadUrl } from '../shell/download';
import { dataset } from './dataset.svelte';
import { settings } from './settings.svelte';

/** Where each of the sketch's files is served (hashed and precached by the build). */
export type SketchUrls = Record<keyof SketchTexts, string>;

/** The name the zip is saved under. */
export const zipFileName = 'motion-model.zip';

/**
 * The Train page's Export: a stored model's zip for a microcontroller, made from the recordings
 * on this device and saved in the same click, with its builds' sizes, or why it could not be
 * made. One per Export panel; `dispose` lets go of the zip when the panel goes.
 */
export class Deploy {
  working = $state(false);
  error = $state<string | undefined>();
  bundle = $state.raw<DeployBundle | undefined>();
  /**
   * Why the zip has no int8 build when its training recordings are still here but changed, or were
   * never recorded with the model: the page's general note covers recordings that are gone.
   */
  int8Reason = $state<string | undefined>();
  /** The zip as an object URL, to save it again. */
  zipUrl = $state<string | undefined>();
  readonly #sketchUrls: SketchUrls;
  readonly #store: () => Promise<Pick<RecordingStore, 'list' | 'readSamples'>>;
  readonly #save: typeof downloadUrl;

  constructor(sketchUrls: SketchUrls, store: () => Promise<Pick<RecordingStore, 'list' | 'readSamples'>> = () => dataset.store(), save: typeof downloadUrl = downloadUrl) {
    this.#sketchUrls = sketchUrls;
    this.#store = store;
    this.#save = save;
  }

  /** Makes the zip and saves it: one click from the model to the file. */
  async generate(model: StoredModel | undefined): Promise<void> {
    this.working = true;
    this.error = undefined;
    this.bundle = undefined;
    this.int8Reason = undefined;
    this.#setZipUrl(undefined);
    try {
      // The generator loads on first use: the Train page does not carry it otherwise.
      const { exportFromStore, sketchFileFrom } = await import('../lib/deploy/export-from-store');
      const result = await exportFromStore(model, await this.#store(), (name) => sketchFileFrom(this.#sketchUrls[name], name));
      this.bundle = result.bundle;
      const missing = result.int8Missing;
      if (missing && missing.code !== 'training-recordings-gone') this.int8Reason = deployErrorText(missing, settings.locale);
      const url = URL.createObjectURL(new Blob([result.zip.slice().buffer], { type: 'application/zip' }));
      this.#setZipUrl(url);
      this.#save(url, zipFileName);
    } catch (failure) {
      this.error = failure instanceof DeployError ? deployErrorText(failure, settings.locale) : messageOf(failure, settings.locale);
    } finally {
      this.working = false;
    }
  }

  /** Frees the zip's memory. */
  dispose(): void {
    this.#setZipUrl(undefined);
  }

  #setZipUrl(url: string | undefined): void {
    if (this.zipUrl) URL.revokeObjectURL(this.zipUrl);
    this.zipUrl = url;
  }
}
