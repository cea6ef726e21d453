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
