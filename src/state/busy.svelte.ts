import type { MessageKey } from '../lib/i18n/messages.en';

export type BusyReason = Extract<MessageKey, `busy.${string}`>;

/**
 * Work in progress that a page reload would destroy (a recording, a training run). The update
 * prompt reads it so an update never reloads the app under the user's hands.
 */
class Busy {
  #reasons = $state.raw<BusyReason[]>([]);

  get reason(): BusyReason | undefined {
    return this.#reasons[0];
  }

  /** Whether a recording runs: the shell then keeps the guide out of the way of its plot and counts. */
  get recording(): boolean {
    return this.#reasons.includes('busy.recording');
  }

  /** Marks work as started; call the returned function when it ends, however it ends. */
  start(reason: BusyReason): () => void {
    this.#reasons = [...this.#reasons, reason];
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const index = this.#reasons.indexOf(reason);
      this.#reasons = this.#reasons.filter((_, i) => i !== index);
    };
  }
}

export const busy = new Busy();
