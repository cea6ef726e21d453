import type { PostReply, RunRequest } from './messages';
import { startOnRecordings } from './read-recordings';
import { modelArtifacts } from '../train/model-artifacts';
import { heldOutResults } from '../train/model-results';
import { trainActivityModel } from '../train/train-activity';

/**
 * Trains for the Train page in the compute worker (compute.worker.ts), so the page never
 * freezes: the worker reads the recordings from IndexedDB itself (while tfjs starts), progress
 * goes back every epoch, and the trained weights at the end; `signal` cancels.
 */
export async function runTrainRequest(request: RunRequest<'train'>, signal: AbortSignal, reply: PostReply<'train'>): Promise<void> {
  const { id } = request;
  const recordings = await startOnRecordings(request.database, (status) => reply({ type: 'backend', id, status }));
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
        trainedOn: result.trainedOn,
        unknown: result.unknown,
        history: result.history,
        stopped: result.stopped,
        results: heldOutResults(result, recordings.map(({ recording }) => recording)),
        tooShort: result.report.tooShort,
        nonFiniteSamples: result.report.nonFiniteSamples,
      },
    },
    [artifacts.weightData],
  );
}
