/// <reference lib="webworker" />
import { startBrowserBackend } from '../compute/backend.browser';
import { modelArtifacts } from './model-artifacts';
import { trainActivityModel } from './train-activity';
import type { TrainReply, TrainRequest } from './train-messages';

/**
 * Trains off the page's thread, so the page never freezes: the recordings arrive (their buffers
 * transferred, not copied), progress goes back every epoch, and the trained weights at the end.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();

function reply(message: TrainReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.addEventListener('message', (event: MessageEvent<TrainRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  void train(request);
});

async function train(request: Extract<TrainRequest, { type: 'train' }>): Promise<void> {
  const { id } = request;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    reply({ type: 'backend', id, status: await startBrowserBackend() });
    const result = await trainActivityModel(request.recordings, {
      features: request.features,
      training: request.training,
      signal: controller.signal,
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
  } finally {
    running.delete(id);
  }
}
