import type { PostReply, RunRequest } from './messages';
import { startOnRecordings } from './read-recordings';
import { crossValidate } from '../train/cross-validation';

/**
 * Cross-validates by person for the Train page's "on someone new", in the compute worker: the
 * worker reads the recordings from IndexedDB itself, reports each fold as it starts and each
 * epoch, and sends the scores back; `signal` stops it after the fold under way.
 */
export async function runCrossValidationRequest(request: RunRequest<'crossValidate'>, signal: AbortSignal, reply: PostReply<'crossValidate'>): Promise<void> {
  const { id } = request;
  const recordings = await startOnRecordings(request.database, (status) => reply({ type: 'backend', id, status }));
  const result = await crossValidate(recordings, {
    features: request.features,
    training: request.training,
    folds: request.folds,
    signal,
    onFold: (fold, folds) => reply({ type: 'progress', id, progress: { fold, folds } }),
    onEpoch: (epoch) => reply({ type: 'progress', id, progress: { epoch } }),
  });
  reply({ type: 'done', id, result });
}
