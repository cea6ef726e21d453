/// <reference lib="webworker" />
import { startBrowserBackend } from '../compute/backend.browser';
import type { LessonReply, LessonRequest } from './lesson-messages';
import { trainOneNeuron } from './one-neuron';
import { trainDigits } from './train-digits';

/**
 * The Learn pages' training, off the page's thread: the one-neuron regression and the digit
 * network, on TensorFlow.js's wasm backend (the hand-written digit engine needs no backend, but
 * shares the worker). Progress goes back every epoch; buffers go back transferred.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();

function reply(message: LessonReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.addEventListener('message', (event: MessageEvent<LessonRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  void run(request);
});

async function run(request: Exclude<LessonRequest, { type: 'cancel' }>): Promise<void> {
  const { id } = request;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    reply({ type: 'backend', id, status: await startBrowserBackend() });
    if (request.type === 'neuron') {
      const result = await trainOneNeuron(request.points, {
        epochs: request.epochs,
        learningRate: request.learningRate,
        seed: request.seed,
        signal: controller.signal,
        onEpoch: (epoch, loss) => reply({ type: 'neuron-epoch', id, epoch, loss }),
      });
      reply({ type: 'neuron-done', id, result });
    } else {
      const outcome = await trainDigits(request.split, request.settings, {
        signal: controller.signal,
        onEpoch: (log) => reply({ type: 'digits-epoch', id, log }),
      });
      const { w1, b1, w2, b2 } = outcome.weights;
      reply({ type: 'digits-done', id, outcome }, [w1.buffer, b1.buffer, w2.buffer, b2.buffer, outcome.testProbabilities.buffer]);
    }
  } catch (error) {
    reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}
