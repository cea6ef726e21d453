import { CodedError } from '../i18n/coded-error';
import type { Recorder } from './recorder';

// What a recording asks of the device besides its motion: the screen kept on, and GPS speed
// alongside for the rule baseline.

/** Keeps the screen on while recording (a phone in a pocket must not sleep); re-taken on return. */
export async function keepScreenOn(): Promise<() => void> {
  if (!('wakeLock' in navigator)) return () => undefined;
  let lock: WakeLockSentinel | undefined;
  const acquire = async () => {
    try {
      lock = await navigator.wakeLock.request('screen');
    } catch {
      // Refused (battery saver, hidden page): recording goes on, the screen may sleep.
    }
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void acquire();
  };
  await acquire();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    void lock?.release();
  };
}

/** GPS speed alongside the motion, for the rule-based baseline. */
export function watchSpeed(recorder: Recorder, onProblem: (problem: CodedError) => void): () => void {
  if (!('geolocation' in navigator)) {
    onProblem(new CodedError('error.gps.no-api'));
    return () => undefined;
  }
  const id = navigator.geolocation.watchPosition(
    (position) => {
      const { speed, accuracy } = position.coords;
      if (speed !== null && Number.isFinite(speed)) recorder.addSpeedFix({ speedMs: speed, accuracyM: accuracy });
    },
    (error) => onProblem(new CodedError('error.gps.failed', { reason: error.message })),
    { enableHighAccuracy: true, maximumAge: 0 },
  );
  return () => navigator.geolocation.clearWatch(id);
}
