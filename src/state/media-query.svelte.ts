/**
 * Whether a CSS media query matches, kept current: what svelte/reactivity's MediaQuery does, in a
 * few lines of the app's own, so that the app shell's first load does not carry that module's
 * SvelteSet and SvelteMap (about 1 KB gzip) along with it.
 *
 * @example
 * const wide = new MatchMedia('(min-width: 48rem)');
 * if (wide.current) …
 */
export class MatchMedia {
  current = $state(false);

  constructor(query: string) {
    const list = matchMedia(query);
    this.current = list.matches;
    // The app shell lives as long as the page: the listener is never removed.
    list.addEventListener('change', (event) => (this.current = event.matches));
  }
}
