import { ComputeClient } from '../lib/compute/compute-client';

/** The one compute worker the Train page and both Learn pages share, started on their first run. */
export const computeClient = new ComputeClient();
