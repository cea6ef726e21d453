/// <reference lib="webworker" />
import { runTrainRequest } from './train-handler';
import type { TrainRequest } from './train-messages';
import { runLessonRequest } from './lesson-handler';
import type { LessonRequest } from './lesson-messages';

/**
 * The one worker that trains, for the Train page and the Learn pages alike, so TensorFlow.js and
 * its kernels (1.8 MB) are built, shipped and precached once rather than once per page. Each
 * page starts its own instance and sends its own kind of request; a cancel names the request
 * it stops.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
const post = (message: unknown, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

scope.addEventListener('message', (event: MessageEvent<TrainRequest | LessonRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const run = request.type === 'train' ? runTrainRequest(request, controller.signal, post) : runLessonRequest(request, controller.signal, post);
  void run.finally(() => running.delete(request.id));
});
