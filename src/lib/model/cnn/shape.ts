/** One convolution of the CNN: its filters, its kernel length in samples, and the max-pool after it (1: none). */
export interface ConvShape {
  filters: number;
  kernel: number;
  pool: number;
}

export type CnnShape = readonly ConvShape[];

/** The CNN's convolutions unless told otherwise. */
export const cnnShape: CnnShape = [
  { filters: 16, kernel: 5, pool: 2 },
  { filters: 32, kernel: 5, pool: 2 },
  { filters: 32, kernel: 3, pool: 1 },
];
