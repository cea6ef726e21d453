import { startBrowserBackend } from './backend.browser';
import { modelArtifacts } from '../train/model-artifacts';
import { trainActivityModel } from '../train/train-activity';
import type { TrainReply, TrainRequest } from './train-messages';

/** Sends a reply to the page, with the buffers it transfers. */
export type PostTrainReply = (message: TrainReply, transfer?: Transferable[]) => void;

/**
 * Trains for the Train page in the training worker (compute.worker.ts), so the page never
 * freezes: the recordings arrive (their buffers transferred, not copied), progress goes back
 * every epoch, and the trained weights at the end; `signal` cancels.
 */
export async function runTrainRequest(request: Extract<TrainRequest, { type: 'train' }>, signal: AbortSignal, reply: PostTrainReply): Promise<void> {
  const { id } = request;
  try {
    reply({ type: 'backend', id, status: await startBrowserBackend() });
    const result = await trainActivityModel(request.recordings, {
      features: request.features,
      training: request.training,
      signal,
      onStage: (stage) => reply({ type: 'stage', id, stage }),
      onEpoch: (log) => reply({ type: 'epoch', id, log }),
    });
    const artifacts = await modelArtifacts(result.model);
    result.model.dispose();
    reply(
      {
        type: 'done',
        id,
        outcome: {
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
        },
      },
      [artifacts.weightData],
    );
  } catch (error) {
    const hint = typeof error === 'object' && error !== null && 'hint' in error ? String(error.hint) : undefined;
    reply({
      type: 'failed',
      id,
      error: {
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        ...(hint !== undefined && { hint }),
      },
    });
  }
}
