import { startBrowserBackend } from './backend.browser';
import type { LessonReply, LessonRequest } from './lesson-messages';
import { trainOneNeuron } from '../learn/one-neuron-tfjs';
import { trainDigits } from '../learn/train-digits';

/** Sends a reply to the page, with the buffers it transfers. */
export type PostLessonReply = (message: LessonReply, transfer?: Transferable[]) => void;

/**
 * Trains for the Learn pages in the training worker (compute.worker.ts), off the page's thread:
 * the one-neuron regression and the digit network, on TensorFlow.js's wasm backend (the
 * hand-written digit engine needs no backend, but shares the worker). Progress goes back every
 * epoch, buffers go back transferred; `signal` cancels.
 */
export async function runLessonRequest(request: Exclude<LessonRequest, { type: 'cancel' }>, signal: AbortSignal, reply: PostLessonReply): Promise<void> {
  const { id } = request;
  try {
    reply({ type: 'backend', id, status: await startBrowserBackend() });
    if (request.type === 'neuron') {
      const result = await trainOneNeuron(request.points, {
        epochs: request.epochs,
        learningRate: request.learningRate,
        seed: request.seed,
        signal,
        onEpoch: (epoch, loss) => reply({ type: 'neuron-epoch', id, epoch, loss }),
      });
      reply({ type: 'neuron-done', id, result });
    } else {
      const outcome = await trainDigits(request.split, request.settings, {
        signal,
        onEpoch: (log) => reply({ type: 'digits-epoch', id, log }),
      });
      const { w1, b1, w2, b2 } = outcome.weights;
      reply({ type: 'digits-done', id, outcome }, [w1.buffer, b1.buffer, w2.buffer, b2.buffer, outcome.testProbabilities.buffer]);
    }
  } catch (error) {
    reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}
