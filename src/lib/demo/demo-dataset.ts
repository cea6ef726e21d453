import type { MotionSamples } from '../sensors/samples';
import type { Recording } from '../store/recording';
import { recordingFor } from '../store/recordings';
import { demoActivities, syntheticTakes } from './synthetic-motion';

export type DemoActivity = (typeof demoActivities)[number];

/** Who "recorded" the demo: six people, so that a split and cross-validation by person both work. */
export const demoPeople = ['Ana', 'Beto', 'Caro', 'Dani', 'Eli', 'Fer'] as const;

/** Takes of each activity per person, and their length: 6 × 4 × 2 × about 30 s, 24 minutes of motion. */
const takes = 2;
const takeS = 30;
const rateHz = 50;
const seed = 2024;

/** The device a demo recording names, so that nobody mistakes it for a real one. */
export const DEMO_DEVICE = 'Motion Lab (synthetic)';

export interface DemoRecording {
  recording: Recording;
  samples: MotionSamples;
}

/**
 * The demo dataset: recordings made by the project's own code (not real people: `device` says
 * "synthetic"), with who recorded each, each activity under the label `labelOf` gives it (the
 * user's word for it). The same every time, ids included (whatever the labels), so loading it
 * twice adds nothing the second time.
 *
 * @example
 * const spanish = { walking: 'caminar', running: 'correr', stairs: 'escaleras', golfing: 'golf' };
 * const demo = demoDataset((activity) => spanish[activity], Date.now());
 */
export function demoDataset(labelOf: (activity: DemoActivity) => string, startedAt: number): DemoRecording[] {
  const made = syntheticTakes({ activities: demoActivities, subjects: demoPeople.length, recordingsPerLabel: takes, totalS: demoPeople.length * demoActivities.length * takes * takeS, rateHz, seed });
  return made.map(({ subject, label, take, samples }, index) => {
    const activity = label as DemoActivity;
    const name = labelOf(activity);
    const person = demoPeople[subject] ?? demoPeople[0];
    return {
      recording: recordingFor(samples, {
        id: `demo-${person.toLowerCase()}-${activity}-${take + 1}`,
        name: `${name} ${take + 1} · ${person}`,
        label: name,
        group: person,
        source: 'import',
        device: DEMO_DEVICE,
        startedAt: startedAt + index * 60_000,
      }),
      samples,
    };
  });
}
