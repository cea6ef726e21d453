/**
 * jsdom lays nothing out, so it has no ResizeObserver; Svelte's `bind:clientHeight` needs one.
 * This one never reports a size: components under test see 0, as jsdom measures everything.
 */
class NoLayoutResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= NoLayoutResizeObserver;
