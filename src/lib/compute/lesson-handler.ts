import { startBrowserBackend } from './backend.browser';
import type { PostReply, RunRequest } from './messages';
import { trainOneNeuron } from '../learn/one-neuron-tfjs';
import { trainDigits } from '../learn/train-digits';

/**
 * Trains for the Learn pages in the compute worker (compute.worker.ts), off the page's thread:
 * the one-neuron regression and the digit network, on TensorFlow.js's wasm backend (the
 * hand-written digit engine needs no backend, but shares the worker). Progress goes back every
 * epoch, buffers go back transferred; `signal` cancels.
 */
export async function runLessonRequest(request: RunRequest<'neuron' | 'digits'>, signal: AbortSignal, reply: PostReply<'neuron' | 'digits'>): Promise<void> {
  const { id } = request;
  reply({ type: 'backend', id, status: await startBrowserBackend() });
  if (request.type === 'neuron') {
    const result = await trainOneNeuron(request.points, {
      epochs: request.epochs,
      learningRate: request.learningRate,
      seed: request.seed,
      signal,
      onEpoch: (epoch, loss) => reply({ type: 'progress', id, progress: { epoch, loss } }),
    });
    reply({ type: 'done', id, result });
  } else {
    const outcome = await trainDigits(request.split, request.settings, {
      signal,
      onEpoch: (log) => reply({ type: 'progress', id, progress: log }),
    });
    const { w1, b1, w2, b2 } = outcome.weights;
    reply({ type: 'done', id, result: outcome }, [w1.buffer, b1.buffer, w2.buffer, b2.buffer, outcome.testProbabilities.buffer]);
  }
}
