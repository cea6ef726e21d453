/// <reference lib="webworker" />
import { failureOf } from './failure';
import type { ComputeReply, ComputeRequest } from './messages';
import { runCalibrateRequest } from './calibrate-handler';
import { runCrossValidationRequest } from './cross-validation-handler';
import { runLessonRequest } from './lesson-handler';
import { runSearchRequest } from './search-handler';
import { runTrainRequest } from './train-handler';

/**
 * The one worker that trains, for the Train page and the Learn pages alike, so TensorFlow.js and
 * its kernels (1.8 MB) are built, shipped and precached once rather than once per page. The pages
 * share one instance through one ComputeClient (compute-client.ts); a cancel names the request it
 * stops, and whatever a run throws goes back as one coded failure.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
const post = (reply: ComputeReply, transfer: Transferable[] = []): void => scope.postMessage(reply, transfer);

scope.addEventListener('message', (event: MessageEvent<ComputeRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const run =
    request.type === 'train'
      ? runTrainRequest(request, controller.signal, post)
      : request.type === 'crossValidate'
        ? runCrossValidationRequest(request, controller.signal, post)
        : request.type === 'search'
          ? runSearchRequest(request, controller.signal, post)
          : request.type === 'calibrate'
            ? runCalibrateRequest(request, controller.signal, post)
            : runLessonRequest(request, controller.signal, post);
  void run
    .catch((error: unknown) => post({ type: 'failed', id: request.id, failure: failureOf(error) }))
    .finally(() => running.delete(request.id));
});
