import type { GuideFacts } from '../lib/guide';

const GUIDE_KEY = 'motion-lab.guide';

/** What is remembered of the guide: whether it is shown, and the steps only the student can say they did. */
interface Remembered {
  open: boolean;
  compared: boolean;
  classifiedLive: boolean;
}

function readRemembered(): Remembered | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(GUIDE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { open, compared, classifiedLive } = stored as Partial<Record<keyof Remembered, unknown>>;
    return { open: open === true, compared: compared === true, classifiedLive: classifiedLive === true };
  } catch {
    // Blocked storage or a damaged value: the guide starts as on a first visit.
    return undefined;
  }
}

/**
 * The guided first run's state: shown on a first visit, skippable, reachable again from the
 * header, and remembered so a returning student is not shown it again unless they ask. This file
 * stays light (no store, no worker): the shell imports it on every start, the guide's panel
 * loads only when it is shown.
 */
class Guide {
  /** undefined until decided: nothing remembered means a first visit, decided by `firstVisit`. */
  #open = $state<boolean | undefined>();
  #compared = $state(false);
  #classifiedLive = $state(false);
  /**
   * How many models are stored, as the Train page last listed them (or the guide read them). Told
   * by the trainer rather than read from it, so that a first visit does not load the trainer.
   */
  models = $state(0);

  constructor() {
    const remembered = readRemembered();
    if (!remembered) return;
    this.#open = remembered.open;
    this.#compared = remembered.compared;
    this.#classifiedLive = remembered.classifiedLive;
  }

  /**
   * Whether the panel is shown. Undecided counts as shown: a newcomer sees it from the first
   * paint, rather than pushed in above the page once the data has been read.
   */
  get open(): boolean {
    return this.#open !== false;
  }

  /** Whether a first visit is still to be decided by `firstVisit`. */
  get undecided(): boolean {
    return this.#open === undefined;
  }

  /**
   * Decides a first visit once the device's data is known: a student who already has
   * recordings or models is not new here (they used the app before the guide existed).
   */
  firstVisit(hasData: boolean): void {
    if (this.#open !== undefined) return;
    this.#open = !hasData;
    this.#remember();
  }

  show(): void {
    this.#open = true;
    this.#remember();
  }

  skip(): void {
    this.#open = false;
    this.#remember();
  }

  markCompared(): void {
    this.#compared = true;
    this.#remember();
  }

  markClassifiedLive(): void {
    if (this.#classifiedLive) return;
    this.#classifiedLive = true;
    this.#remember();
  }

  /** The steps the student says they did (or the app saw once), for `currentStep`. */
  get acknowledged(): Pick<GuideFacts, 'compared' | 'classifiedLive'> {
    return { compared: this.#compared, classifiedLive: this.#classifiedLive };
  }

  #remember(): void {
    try {
      localStorage.setItem(GUIDE_KEY, JSON.stringify({ open: this.#open === true, compared: this.#compared, classifiedLive: this.#classifiedLive } satisfies Remembered));
    } catch {
      // Storage can be blocked: the guide still works for this visit.
    }
  }
}

export const guide = new Guide();
