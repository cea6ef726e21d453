/**
 * Resolves in a task of its own, after the current one and its microtasks end: what a click's
 * handler awaits before heavy work, so that the work does not lengthen the click's own task (a
 * main-thread task over 200 ms is a frozen page on a cheap phone), and input and rendering may come
 * in between. A MessageChannel message, not `setTimeout(0)`: nested timeouts are clamped to 4 ms.
 *
 * @example
 * await nextTask();
 * startTheHeavyPart();
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
