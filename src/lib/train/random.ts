/**
 * mulberry32, a small seeded generator of numbers in [0, 1): Math.random cannot be seeded, and a
 * split that changes at every training run makes runs impossible to compare.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // the same number on every device, every time
 */
export function mulberry32(seed: number): () => number {
  const state = Uint32Array.of(seed >>> 0);
  return () => mulberry32Next(state);
}

/**
 * The next number of a mulberry32 generator whose state is `state[0]`, advanced in place: what
 * `mulberry32` draws, for code that keeps the state itself (the lean engine keeps it where its
 * WebAssembly draws the same numbers). A typed array, not a variable, holds it: a 32-bit count
 * above 2^30 kept in a closure is boxed anew at every draw, which made the draws about twice as slow.
 */
export function mulberry32Next(state: Uint32Array): number {
  const s = (state[0] = ((state[0] as number) + 0x6d2b79f5) >>> 0);
  let t = Math.imul(s ^ (s >>> 15), s | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Fisher–Yates, in place: every order equally likely for a fair `random`. */
export function shuffle<T>(items: { length: number; [index: number]: T }, random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  }
}
