/**
 * A theme colour as a canvas needs it. The custom properties hold `light-dark(…)`, which only CSS
 * understands; the computed `color` of an element is plain rgb().
 */
export function resolveColor(parent: HTMLElement, value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  parent.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** The colours of x, y and z in both plots. */
export const SERIES_COLORS = ['#d9480f', '#2b8a3e', '#1c7ed6'] as const;

/**
 * A plot's canvas pixels per CSS pixel: a sharp plot on a 3× screen costs nine times the pixels of
 * a 1× one, for a live trace nobody reads to the pixel.
 */
export const MAX_PIXEL_RATIO = 1.5;

/**
 * Calls `changed` with whether `element` is on screen in a visible tab, whenever that changes;
 * returns the function that stops watching. A plot draws only while shown.
 */
export function watchShown(element: Element, changed: (shown: boolean) => void): () => void {
  let onScreen = true;
  const update = () => changed(onScreen && document.visibilityState === 'visible');
  const intersection = new IntersectionObserver((entries) => {
    onScreen = entries.some((entry) => entry.isIntersecting);
    update();
  });
  intersection.observe(element);
  document.addEventListener('visibilitychange', update);
  return () => {
    intersection.disconnect();
    document.removeEventListener('visibilitychange', update);
  };
}
