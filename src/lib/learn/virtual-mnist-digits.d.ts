/** The shipped digits' asset URLs, from build/mnist-digits.ts. */
declare module 'virtual:mnist-digits' {
  export const imagesUrl: string;
  export const labelsUrl: string;
}
