import { PLOT_SAMPLES, RollingWindow } from '../lib/plot/rolling-window';
import { knownPeople, personKey } from '../lib/recorder/people';
import type { Recorder, RecorderProgress } from '../lib/recorder/recorder';
import { MIN_REDRAW_INTERVAL_MS, redrawIntervalMs } from '../lib/recorder/redraw-pace';
import { keepScreenOn, watchSpeed } from '../lib/recorder/device-aids';
import { stalledForMs } from '../lib/recorder/stall';
import { messageOf } from '../lib/i18n/coded-error';
import { SourceCancelledError, type MotionSource } from '../lib/sensors/source';
import type { Recording } from '../lib/store/recording';
import { busy } from './busy.svelte';
import { nextName } from '../lib/store/recordings';
import { dataset } from './dataset.svelte';
import { readStored, settings, writeStored } from './settings.svelte';
import { SourceChoice } from './source-choice.svelte';

export type SessionState = 'idle' | 'countdown' | 'recording' | 'disconnected' | 'stopping';

/** A take another page asks for ("Calibrate to me"): one activity by one person, `durationS` long. */
export interface Take {
  label: string;
  person: string;
  durationS: number;
}

/** The person chosen last, and everyone chosen on this device. */
const GROUP_KEY = 'motion-lab.group';
const PEOPLE_KEY = 'motion-lab.people';
/** The choice of a person not in the list yet, whose name is typed. */
export const SOMEONE_NEW = '';
/**
 * How often samples are saved. Sources hand on batches every 100 ms, so a closed tab loses at
 * most 0.9 + 0.1 = 1 s of motion.
 */
const FLUSH_INTERVAL_MS = 900;

function rememberedPeople(): string[] {
  let people: unknown;
  try {
    people = JSON.parse(readStored(PEOPLE_KEY) ?? '[]');
  } catch {
    // Not a list written by this app: start a new one.
    people = [];
  }
  const names = Array.isArray(people) ? people.filter((name): name is string => typeof name === 'string') : [];
  // Versions before the list remembered only the last person.
  return [...names, readStored(GROUP_KEY) ?? ''];
}

/**
 * One recording from the user's choices to the stored result: countdown, source, recorder, live
 * plot, screen wake lock, optional GPS, and marking the app busy so no update reloads it.
 */
class RecordSession {
  readonly input = new SourceChoice();
  label = $state('walking');
  /** Who records: one of `people`, or SOMEONE_NEW with the name in `newPerson`. */
  person = $state(readStored(GROUP_KEY) ?? SOMEONE_NEW);
  newPerson = $state('');
  #rememberedPeople = $state.raw(rememberedPeople());
  /** Everyone who recorded here: chosen on this device or named on a stored recording. */
  readonly people = $derived(knownPeople([...this.#rememberedPeople, ...dataset.recordings.map((recording) => recording.group)], settings.locale));
  countdownS = $state(3);
  /** 0: until stopped. */
  durationS = $state(0);
  gps = $state(false);

  state = $state<SessionState>('idle');
  countdownLeft = $state(0);
  progress = $state.raw<RecorderProgress | undefined>();
  error = $state<string | undefined>();
  notice = $state<string | undefined>();
  garbageLines = $state(0);
  last = $state.raw<Recording | undefined>();
  revision = $state(0);
  /** How long the source has been silent while recording, once that is a stall. */
  stalledMs = $state<number | undefined>();
  readonly plot = new RollingWindow(PLOT_SAMPLES);

  #recorder: Recorder | undefined;
  #shownAt = -Infinity;
  /** The wait between redraws, set from how long the last one held the thread. */
  #redrawEveryMs = MIN_REDRAW_INTERVAL_MS;
  /** A plot redraw waits for the figures' frame. */
  #redrawing = false;
  #lastArrival = 0;
  #source: MotionSource | undefined;
  #release: (() => void)[] = [];
  #cancelCountdown: (() => void) | undefined;
  /** The take being recorded, if one was asked for, and who waits for its recording. */
  #take: { durationS: number; ended: (recording: Recording | undefined) => void } | undefined;
  /** Set while the source is made (a permission asked, a device chosen): the page is not busy yet. */
  #starting = false;

  get busy(): boolean {
    return this.state !== 'idle';
  }

  /** The person's name as the recording keeps it ('' when no one is given). */
  get group(): string {
    return (this.person === SOMEONE_NEW ? this.newPerson : this.person).trim();
  }

  /**
   * Remembers who records and settles a new name on the list's spelling when the person is already
   * there, so "ana" typed anew is the known Ana (training splits by person).
   */
  #rememberPerson(): void {
    const name = this.group;
    writeStored(GROUP_KEY, name);
    if (name === '') return;
    this.#rememberedPeople = knownPeople([name, ...this.#rememberedPeople], settings.locale);
    writeStored(PEOPLE_KEY, JSON.stringify(this.#rememberedPeople));
    this.person = this.people.find((known) => personKey(known) === personKey(name)) ?? name;
    this.newPerson = '';
  }

  /** Loads what recording needs ahead of the tap; call when the setup is first touched. */
  prepare(): void {
    void loadRecorder();
  }

  /** Called from the Record button's tap: permissions must be asked inside it. */
  async start(): Promise<void> {
    // A second tap while the source is still being made would start a second recording.
    if (this.busy || this.#starting) return;
    this.error = undefined;
    this.notice = undefined;
    this.garbageLines = 0;
    this.last = undefined;
    this.stalledMs = undefined;
    this.#rememberPerson();
    try {
      this.#starting = true;
      const source = await this.input.create().finally(() => (this.#starting = false));
      this.#release.push(busy.start('busy.recording'));
      if (this.countdownS > 0 && !(await this.#countdown(this.countdownS))) {
        this.#cleanUp();
        return;
      }
      await this.#record(source);
    } catch (error) {
      // Closing the device chooser is a choice, not an error.
      if (!(error instanceof SourceCancelledError)) {
        this.error = messageOf(error, settings.locale);
      }
      this.#cleanUp();
    }
  }

  /**
   * Records one take as the Record button would, from the page's source with its countdown, as
   * that person and activity (which become the page's choices, as if chosen there) but `durationS`
   * long whatever the page's length is. Call from a tap. Resolves once the take ends: with its
   * recording when it was stored, undefined when it was cancelled, failed or another was under way.
   */
  recordTake(take: Take): Promise<Recording | undefined> {
    // A take asked for is not busy yet while its source is made (a permission asked, a device chosen).
    if (this.busy || this.#take) return Promise.resolve(undefined);
    this.label = take.label;
    this.person = take.person;
    return new Promise((ended) => {
      this.#take = { durationS: take.durationS, ended };
      void this.start();
    });
  }

  /** Whether the link can be re-established after a disconnection (Bluetooth can). */
  get canReconnect(): boolean {
    return this.state === 'disconnected' && reconnectable(this.#source);
  }

  async reconnect(): Promise<void> {
    const source = this.#source;
    if (!reconnectable(source)) return;
    try {
      await source.reconnect();
    } catch (error) {
      this.notice = messageOf(error, settings.locale);
    }
  }

  async stop(): Promise<void> {
    if (this.state === 'countdown') {
      this.#cancelCountdown?.();
      return;
    }
    if (!this.#recorder || this.state === 'stopping') return;
    this.state = 'stopping';
    await this.#recorder.stop();
  }

  /** Shows the figures and redraws the plot, while recording at the pace `redrawIntervalMs` allows. */
  #show(progress: RecorderProgress): void {
    const now = performance.now();
    if (now - this.#shownAt < this.#redrawEveryMs && this.state === 'recording') return;
    this.#shownAt = now;
    this.progress = progress;
    if (!this.#redrawing) void this.#redrawPlot();
  }

  /**
   * Redraws the plot one frame after the figures, and sets the pace from how long both frames
   * held the thread. While the thread is held the browser keeps only the latest reading, so a
   * frame loses about one reading for every 17 ms it lasts past the first: on a phone slowed 6×
   * figures and plot together took about 45 ms (two readings lost), each alone about half (one
   * between them). A hidden page renders no frame: the plot waits, and the pace stays.
   */
  async #redrawPlot(): Promise<void> {
    this.#redrawing = true;
    try {
      const figuresMs = await renderedFrameMs();
      this.revision += 1;
      this.#redrawEveryMs = redrawIntervalMs(figuresMs + (await renderedFrameMs()));
    } finally {
      this.#redrawing = false;
    }
  }

  #countdown(seconds: number): Promise<boolean> {
    this.state = 'countdown';
    this.countdownLeft = seconds;
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        this.countdownLeft -= 1;
        if (this.countdownLeft <= 0) {
          clearInterval(timer);
          resolve(true);
        }
      }, 1000);
      this.#cancelCountdown = () => {
        clearInterval(timer);
        resolve(false);
      };
    });
  }

  async #record(source: MotionSource): Promise<void> {
    const store = await dataset.store();
    const durationS = this.#take?.durationS ?? this.durationS;
    this.plot.clear();
    this.progress = undefined;
    this.#redrawEveryMs = MIN_REDRAW_INTERVAL_MS;
    const { Recorder } = await loadRecorder();
    const recorder = new Recorder({
      store,
      source,
      draft: {
        id: crypto.randomUUID(),
        name: nextName(this.label, dataset.recordings),
        label: this.label,
        group: this.group.trim(),
        notes: '',
      },
      maxDurationMs: durationS > 0 ? durationS * 1000 : undefined,
      flushIntervalMs: FLUSH_INTERVAL_MS,
      callbacks: {
        samples: (batch) => {
          this.#lastArrival = performance.now();
          this.stalledMs = undefined;
          this.plot.push(batch);
        },
        progress: (progress) => this.#show(progress),
        garbage: (count) => (this.garbageLines += count),
        state: (state, problem) => {
          if (state === 'disconnected') {
            this.state = 'disconnected';
            this.notice = problem && messageOf(problem, settings.locale);
          } else if (state === 'recording') {
            this.state = 'recording';
            this.notice = undefined;
          } else if (state === 'failed') {
            this.error = problem && messageOf(problem, settings.locale);
            // The error says what, if anything, was kept: no "Saved" beside it.
            void this.#finished(recorder, false);
          } else if (state === 'stopped') {
            void this.#finished(recorder, true);
          }
        },
      },
    });
    this.#recorder = recorder;
    this.#source = source;
    // A newer version of the app opened in another tab waits for the database: this recording
    // stops and saves what it has (the store closes after its last save), and the tab must reload.
    void store.upgradeRequested.then(() => {
      if (this.#recorder !== recorder) return;
      this.notice = settings.t('record.stoppedForUpgrade');
      return this.stop();
    });
    await recorder.start();
    this.#release.push(this.#watchForStalls());
    this.#release.push(await keepScreenOn());
    if (this.gps) this.#release.push(watchSpeed(recorder, (problem) => (this.notice = messageOf(problem, settings.locale))));
  }

  /**
   * Shows a stall while it lasts: the figures and plot only change when samples arrive, so a
   * silent source would otherwise look like a steady one.
   */
  #watchForStalls(): () => void {
    this.#lastArrival = performance.now();
    const timer = setInterval(() => {
      if (this.state !== 'recording') return;
      this.stalledMs = stalledForMs(performance.now() - this.#lastArrival, this.progress?.rateHz ?? 0);
    }, MIN_REDRAW_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      this.stalledMs = undefined;
    };
  }

  async #finished(recorder: Recorder, stored: boolean): Promise<void> {
    this.last = stored ? recorder.recording : undefined;
    this.#cleanUp();
    // Closed for a newer version's upgrade: nothing more can be read until the tab reloads.
    if (!dataset.upgradeWaiting) await dataset.refresh();
  }

  #cleanUp(): void {
    for (const release of this.#release.splice(0)) release();
    this.#recorder = undefined;
    this.#source = undefined;
    this.#cancelCountdown = undefined;
    this.state = 'idle';
    this.#take?.ended(this.last);
    this.#take = undefined;
  }
}

let recorderModule: Promise<typeof import('../lib/recorder/recorder')> | undefined;

/**
 * The recorder's code (with the chunks' packing), loaded when a recording is first set up or
 * started rather than with the app: the first load's budget is for what the first screen shows.
 */
function loadRecorder(): Promise<typeof import('../lib/recorder/recorder')> {
  recorderModule ??= import('../lib/recorder/recorder');
  return recorderModule;
}

/**
 * How long the next animation frame holds the thread: from its first callback (asked for before
 * the plot's, so it runs first) to a message posted in it, which the browser handles only once
 * the frame is rendered.
 */
function renderedFrameMs(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const started = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now() - started);
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Sources whose link can be re-established (Bluetooth), without loading their code to ask. */
function reconnectable(source: MotionSource | undefined): source is MotionSource & { reconnect(): Promise<void> } {
  return typeof (source as { reconnect?: unknown } | undefined)?.reconnect === 'function';
}

export const recordSession = new RecordSession();
