import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Real recordings beside the checkout (`../shared/data/sisfall`): SisFall, Sucerquia et al.,
 * Sensors 17(1):198, 2017. A user's fresh clone does not have them, so tests that need them
 * skip, and say so.
 */
export const sisfallDir = fileURLToPath(new URL('../../../shared/data/sisfall/', import.meta.url));

let told = false;

export function hasSisfall(): boolean {
  const present = existsSync(sisfallDir);
  if (!present && !told) {
    told = true;
    console.warn(`${sisfallDir} not found: skipping the tests that replay real SisFall recordings.`);
  }
  return present;
}
