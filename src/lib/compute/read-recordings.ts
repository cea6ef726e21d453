import type { BackendStatus } from './backend';
import { startBrowserBackend } from './backend.browser';
import { MotionStore } from '../store/motion-store';
import type { Recording } from '../store/recording';
import type { MotionSamples } from '../sensors/samples';

/** Every recording of the database named `database` (the app's when not given), with its samples, newest first. */
export async function readRecordings(database: string | undefined): Promise<{ recording: Recording; samples: MotionSamples }[]> {
  const store = await MotionStore.open(database);
  try {
    const recordings = await store.list();
    return await Promise.all(recordings.map(async (recording) => ({ recording, samples: await store.readSamples(recording.id) })));
  } finally {
    // Closed at once: an open connection would hold up a newer version's upgrade in another tab.
    store.close();
  }
}

/**
 * What every run on the recordings does first: starts TensorFlow.js (telling the page which
 * backend it got) while the recordings are read, and hands the recordings on.
 */
export async function startOnRecordings(
  database: string | undefined,
  onBackend: (status: BackendStatus) => void,
): Promise<{ recording: Recording; samples: MotionSamples }[]> {
  const [, recordings] = await Promise.all([startBrowserBackend().then(onBackend), readRecordings(database)]);
  return recordings;
}
