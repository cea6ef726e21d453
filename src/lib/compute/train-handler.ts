import { startBrowserBackend } from './backend.browser';
import type { PostReply, RunRequest } from './messages';
import { MotionStore } from '../store/motion-store';
import type { Recording } from '../store/recording';
import type { MotionSamples } from '../sensors/samples';
import { modelArtifacts } from '../train/model-artifacts';
import { trainActivityModel } from '../train/train-activity';

/** Every recording of the database named `database` (the app's when not given), with its samples, newest first. */
async function readRecordings(database: string | undefined): Promise<{ recording: Recording; samples: MotionSamples }[]> {
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
 * Trains for the Train page in the compute worker (compute.worker.ts), so the page never
 * freezes: the worker reads the recordings from IndexedDB itself (while tfjs starts), progress
 * goes back every epoch, and the trained weights at the end; `signal` cancels.
 */
export async function runTrainRequest(request: RunRequest<'train'>, signal: AbortSignal, reply: PostReply<'train'>): Promise<void> {
  const { id } = request;
  const [, recordings] = await Promise.all([
    startBrowserBackend().then((status) => reply({ type: 'backend', id, status })),
    readRecordings(request.database),
  ]);
  const result = await trainActivityModel(recordings, {
    features: request.features,
    training: request.training,
    signal,
    onStage: (stage) => reply({ type: 'progress', id, progress: { stage } }),
    onEpoch: (epoch) => reply({ type: 'progress', id, progress: { epoch } }),
  });
  const artifacts = await modelArtifacts(result.model);
  result.model.dispose();
  reply(
    {
      type: 'done',
      id,
      result: {
        artifacts,
        preprocessing: result.preprocessing,
        metrics: result.metrics,
        split: result.split,
        trainedOn: result.trainedOn,
        windows: result.windows,
        history: result.history,
        stopped: result.stopped,
        testRecordings: result.testRecordings,
        diagnosis: result.diagnosis,
        tooShort: result.report.tooShort,
        nonFiniteSamples: result.report.nonFiniteSamples,
        recordingNames: recordings.map(({ recording }) => recording.name),
      },
    },
    [artifacts.weightData],
  );
}
