import type { TestProject } from 'vitest/node';
import { findChromium, missingChromiumMessage } from '../support/chromium';
import { startPreview } from '../support/preview';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served production build, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The Chromium binary, or '' when none was found (the end-to-end tests then skip). */
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI === 'true') throw new Error(`CI=true and ${missingChromiumMessage}`);
    console.warn(`\nSkipping the end-to-end tests. ${missingChromiumMessage}\n`);
  }
  const { server, url } = await startPreview();
  project.provide('baseUrl', url);
  project.provide('chromiumPath', chromiumPath ?? '');
  return async () => {
    await server.close();
  };
}
