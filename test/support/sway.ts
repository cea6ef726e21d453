import type { LabelledRecording } from '../../src/lib/train/activity-dataset';

/**
 * A synthetic activity as training reads it: a sway at `hz` of `amplitude` m/s² on top of
 * gravity, 50 Hz, `seconds` long, by `group`. Activities that differ in cadence and strength
 * stand in for walking and running.
 */
export function swayRecording(id: string, label: string, group: string, { hz, amplitude, phase, seconds = 20 }: { hz: number; amplitude: number; phase: number; seconds?: number }): LabelledRecording {
  const n = seconds * 50;
  const t = Float64Array.from({ length: n }, (_, i) => i * 20);
  const acc = new Float32Array(n * 3);
  for (let i = 0; i < n; i += 1) {
    const s = Math.sin(2 * Math.PI * hz * (i / 50) + phase);
    acc.set([amplitude * s * 0.5, amplitude * Math.cos(2 * Math.PI * hz * (i / 50)) * 0.3, 9.81 + amplitude * s], i * 3);
  }
  return { recording: { id, name: id, label, group, speedFixes: [] }, samples: { t, acc, gyro: null } };
}
