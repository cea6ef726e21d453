import { concatSamples, type MotionSamples } from '../sensors/samples';
import type { LabelledRecording } from '../train/activity-dataset';
import { mulberry32 } from '../train/random';

/**
 * Labelled motion that trains like the real thing: four of the lesson's activities, each with its
 * own cadence and intensity (SisFall-like figures for walking and running), varying from person
 * to person and with how the phone is held, plus sensor noise and the timestamp jitter of a real
 * sensor. A clean sine per label would be learnt in a couple of epochs and time nothing real.
 */

export const activityLabels = ['biking', 'golfing', 'running', 'walking'] as const;
/** The demo dataset's activities: the lesson's walking, running and golf swing, and stairs. */
export const demoActivities = ['walking', 'running', 'stairs', 'golfing'] as const;
export type Activity = (typeof activityLabels)[number] | (typeof demoActivities)[number];

const GRAVITY_MS2 = 9.81;

interface Motion {
  /** Step, pedal or swing frequency. */
  cadenceHz: number;
  /** Up-and-down amplitude, m/s². */
  verticalMs2: number;
  /** Side-to-side amplitude, m/s². */
  horizontalMs2: number;
  /** Broadband shaking (road buzz), m/s². */
  buzzMs2: number;
}

const motions: Record<Activity, Motion> = {
  walking: { cadenceHz: 1.8, verticalMs2: 2, horizontalMs2: 0.8, buzzMs2: 0.1 },
  running: { cadenceHz: 2.7, verticalMs2: 6.5, horizontalMs2: 2, buzzMs2: 0.3 },
  biking: { cadenceHz: 1.3, verticalMs2: 0.6, horizontalMs2: 1, buzzMs2: 0.7 },
  // Slower steps than on the flat, each a harder push up (or a drop down): see `stepShape`.
  stairs: { cadenceHz: 1.6, verticalMs2: 3.2, horizontalMs2: 1.2, buzzMs2: 0.15 },
  // Still between swings; a swing (about 1 s, up to 8 m/s²) every 4–7 s.
  golfing: { cadenceHz: 1, verticalMs2: 0.2, horizontalMs2: 8, buzzMs2: 0.05 },
};

/** What makes one person move differently from another. */
interface Subject {
  cadence: number;
  intensity: number;
}

export interface DatasetOptions {
  /** Which activities each person records; the benchmarks' four (`activityLabels`) by default. */
  activities?: readonly Activity[];
  subjects: number;
  recordingsPerLabel: number;
  totalS: number;
  rateHz: number;
  seed: number;
}

/** 10 minutes of 50 Hz 3-axis data: 6 people × 4 activities × 3 recordings of about 6–11 s. */
export const tenMinutesOfRecordings: DatasetOptions = { subjects: 6, recordingsPerLabel: 3, totalS: 600, rateHz: 50, seed: 7 };

/** One synthetic recording: who, what, which take (from 0), and its samples. */
export interface SyntheticTake {
  subject: number;
  label: Activity;
  take: number;
  samples: MotionSamples;
}

/**
 * `subjects` people each recording every activity `recordingsPerLabel` times, the recordings
 * 0.6–1.1 of an even share long, scaled so they add up to `totalS` seconds.
 */
export function syntheticTakes({ activities = activityLabels, subjects, recordingsPerLabel, totalS, rateHz, seed }: DatasetOptions): SyntheticTake[] {
  const random = mulberry32(seed);
  const plan: { subject: number; label: Activity; take: number; share: number }[] = [];
  for (let subject = 0; subject < subjects; subject += 1) {
    for (const label of activities) {
      for (let take = 0; take < recordingsPerLabel; take += 1) plan.push({ subject, label, take, share: 0.6 + 0.5 * random() });
    }
  }
  const people = Array.from({ length: subjects }, () => subjectFrom(random));
  const totalShare = plan.reduce((sum, { share }) => sum + share, 0);
  return plan.map(({ subject, label, take, share }) => ({
    subject,
    label,
    take,
    samples: activitySamples(label, people[subject] as Subject, (share / totalShare) * totalS, rateHz, random),
  }));
}

/** `syntheticTakes` as the training core takes recordings: "subject 1" … as who recorded each. */
export function syntheticDataset(options: DatasetOptions): LabelledRecording[] {
  return syntheticTakes(options).map(({ subject, label, take, samples }) => ({
    recording: { id: `s${subject}-${label}-${take}`, name: `${label} ${take + 1}, subject ${subject + 1}`, label, group: `subject ${subject + 1}`, speedFixes: [] },
    samples,
  }));
}

/** The rate of the replayed stream on the Live page, like a phone's motion events. */
export const STREAM_RATE_HZ = 100;
/** What the sources' SampleBatcher hands on every 100 ms at 100 Hz. */
export const BATCH_SAMPLES = 10;

/**
 * One unseen person's continuous stream: bouts of 20–40 s of each activity in turn, `durationS`
 * in all, as a source would deliver it to the Live page.
 */
export function syntheticStream(durationS: number, rateHz: number, seed: number): MotionSamples {
  const random = mulberry32(seed);
  const person = subjectFrom(random);
  const bouts: MotionSamples[] = [];
  let startS = 0;
  for (let bout = 0; startS < durationS; bout += 1) {
    const lengthS = Math.min(20 + 20 * random(), durationS - startS);
    const label = activityLabels[bout % activityLabels.length] as Activity;
    bouts.push(activitySamples(label, person, lengthS, rateHz, random, startS * 1000));
    startS += lengthS;
  }
  return concatSamples(bouts, false);
}

function subjectFrom(random: () => number): Subject {
  return { cadence: 0.8 + 0.4 * random(), intensity: 0.6 + 0.9 * random() };
}

/**
 * `durationS` of one activity at about `rateHz`: vertical and side-to-side motion at the person's
 * cadence with a harmonic, turned by a random tilt (how the phone sits in the pocket), on top of
 * gravity; noise on every axis; each timestamp up to ±25 % of a period off its grid.
 */
function activitySamples(label: Activity, subject: Subject, durationS: number, rateHz: number, random: () => number, startMs = 0): MotionSamples {
  const motion = motions[label];
  const count = Math.round(durationS * rateHz);
  const t = new Float64Array(count);
  const acc = new Float32Array(count * 3);
  const periodMs = 1000 / rateHz;
  const cadenceHz = motion.cadenceHz * subject.cadence * (0.95 + 0.1 * random());
  const scale = subject.intensity * (0.9 + 0.2 * random());
  const tilt = randomTilt(random);
  const phase = 2 * Math.PI * random();
  let nextSwingS = 1 + 3 * random();
  // Walkers wait at crossings, cyclists coast: now and then the motion fades for a second or two.
  let pauseFromS = 3 + 6 * random();
  let pauseToS = pauseFromS + 1 + 1.5 * random();
  for (let i = 0; i < count; i += 1) {
    t[i] = startMs + (i + (random() - 0.5) * 0.5) * periodMs;
    const s = (i * periodMs) / 1000;
    const w = 2 * Math.PI * cadenceHz * s + phase;
    let vertical = motion.verticalMs2 * scale * (label === 'stairs' ? stepShape(w) : Math.sin(w) + 0.45 * Math.sin(2 * w + 0.7));
    let side = motion.horizontalMs2 * scale * Math.sin(w / 2);
    let forward = 0.4 * motion.horizontalMs2 * scale * Math.sin(w + 1.1);
    if (s > pauseToS) {
      pauseFromS = pauseToS + 4 + 6 * random();
      pauseToS = pauseFromS + 1 + 1.5 * random();
    }
    const moving = Math.min(1, Math.max(0.1, Math.abs(s - (pauseFromS + pauseToS) / 2) - (pauseToS - pauseFromS) / 2) / 0.3);
    vertical *= moving;
    side *= moving;
    forward *= moving;
    if (label === 'golfing') {
      // A swing: one period of the cadence under a bell-shaped envelope, then stillness.
      if (s > nextSwingS + 1.5) nextSwingS += 4 + 3 * random();
      const envelope = Math.exp(-(((s - nextSwingS) / 0.35) ** 2));
      side *= envelope;
      forward *= envelope;
      vertical = vertical * envelope + 0.2 * Math.sin(2 * Math.PI * 0.2 * s);
    }
    const noise = motion.buzzMs2 + 0.3;
    const local = [forward + gauss(random) * noise, side + gauss(random) * noise, GRAVITY_MS2 + vertical + gauss(random) * noise];
    for (let axis = 0; axis < 3; axis += 1) {
      acc[i * 3 + axis] = tilt[axis * 3]! * local[0]! + tilt[axis * 3 + 1]! * local[1]! + tilt[axis * 3 + 2]! * local[2]!;
    }
  }
  return { t, acc, gyro: null };
}

/** A step up a stair: a short hard push, then a longer glide, so more harmonics than a flat step. */
function stepShape(w: number): number {
  return Math.sin(w) + 0.8 * Math.sin(2 * w + 1.3) + 0.5 * Math.sin(3 * w + 0.4);
}

/** A rotation by up to 45° about a random axis (Rodrigues), row-major 3 × 3. */
function randomTilt(random: () => number): number[] {
  const angle = (Math.PI / 4) * random();
  const z = 2 * random() - 1;
  const around = 2 * Math.PI * random();
  const r = Math.sqrt(1 - z * z);
  const [x, y] = [r * Math.cos(around), r * Math.sin(around)];
  const [c, s, k] = [Math.cos(angle), Math.sin(angle), 1 - Math.cos(angle)];
  return [
    c + x * x * k, x * y * k - z * s, x * z * k + y * s,
    y * x * k + z * s, c + y * y * k, y * z * k - x * s,
    z * x * k - y * s, z * y * k + x * s, c + z * z * k,
  ];
}

/** Standard normal, approximately: the sum of four uniforms, rescaled. */
function gauss(random: () => number): number {
  return (random() + random() + random() + random() - 2) * Math.sqrt(3);
}
