import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Serves the production build the way `npm start` does (`vite preview`), on a free port.
 * Tests and benchmarks run against the real build, service worker included. `outDir` serves
 * another copy of the build (a test that changes the files must not change dist/). MOTION_LAB_DIST
 * points the default at another build, so two people can test their own builds side by side.
 */
export async function startPreview(outDir = process.env.MOTION_LAB_DIST ?? `${root}/dist`): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`No build in ${outDir}: run "npm run build" first ("npm test" and "npm run bench" do).`);
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  // 127.0.0.1 is a secure context like localhost, so sensors and the service worker work.
  return { server, url: `http://127.0.0.1:${address.port}` };
}
