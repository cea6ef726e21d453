import { failureOf } from './failure';
import type { PostReply, RunRequest, SearchKeptModel } from './messages';
import { startOnRecordings } from './read-recordings';
import { modelArtifacts } from '../train/model-artifacts';
import { foldedResults } from '../train/model-results';
import { searchSetups } from '../train/search';
import { setupSettings } from '../train/search-setups';

/**
 * Finds the best setup for the Train page in the compute worker: the worker reads the recordings
 * from IndexedDB itself, reports each candidate, stage and epoch, and sends back the scores and
 * the kept model's weights; `signal` stops it (the run then ends with what it had, nothing kept).
 */
export async function runSearchRequest(request: RunRequest<'search'>, signal: AbortSignal, reply: PostReply<'search'>): Promise<void> {
  const { id } = request;
  const recordings = await startOnRecordings(request.database, (status) => reply({ type: 'backend', id, status }));
  const { kept: trained, candidates, ...search } = await searchSetups(recordings, {
    features: request.features,
    training: request.training,
    budgetS: request.budgetS,
    signal,
    onProgress: (progress) => reply({ type: 'progress', id, progress }),
    onEpoch: (epoch) => reply({ type: 'progress', id, progress: { epoch } }),
  });
  let kept: SearchKeptModel | undefined;
  if (trained && search.chosen) {
    const artifacts = await modelArtifacts(trained.model);
    trained.model.dispose();
    // Trained on every recording, the model has no test side: its test score is the search's
    // honest one, what this way of choosing gave on people who took no part in the choice.
    const metrics = { ...trained.metrics, test: { ...trained.metrics.test, accuracy: search.net.accuracy.mean }, baseline: { ...trained.metrics.baseline, accuracy: search.baseline.accuracy.mean } };
    kept = {
      artifacts,
      preprocessing: trained.preprocessing,
      metrics,
      trainedOn: trained.trainedOn,
      training: setupSettings(search.chosen, request.features, request.training).training,
      results: foldedResults(trained, search.folds),
    };
  }
  const result = {
    ...search,
    candidates: candidates.map(({ refused, ...candidate }) => ({ ...candidate, ...(refused !== undefined && { refused: failureOf(refused) }) })),
    ...(kept && { kept }),
  };
  reply({ type: 'done', id, result }, kept ? [kept.artifacts.weightData] : []);
}
