import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, findChromium } from './test/support/chromium.ts';

const chromiumPath = findChromium();

export default defineConfig({
  plugins: [svelte()],
  define: {
    __APP_VERSION__: JSON.stringify('test'),
  },
  // Bundled before the browser tests start, not discovered midway (which reloads the page).
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.component.test.ts', 'src/**/*.browser.test.ts', 'src/**/*.svelte.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/all-text.ts'],
        },
      },
      {
        extends: true,
        // Svelte components compile for the browser; jsdom gives them a DOM in Node.
        resolve: {
          conditions: ['browser'],
          alias: { 'virtual:pwa-register': new URL('./test/component/fake-pwa-register.ts', import.meta.url).pathname },
        },
        test: {
          name: 'component',
          // Rune classes (src/state) are tested the way Svelte 5 tests runes: in .svelte.test.ts files.
          include: ['src/**/*.component.test.ts', 'src/**/*.svelte.test.ts'],
          environment: 'jsdom',
          setupFiles: ['test/component/resize-observer.ts', 'test/support/all-text.ts'],
        },
      },
      {
        extends: true,
        // What only a real browser has (IndexedDB, workers, wasm, sensors) runs in Chromium.
        // Without one the project is empty; test/e2e/global-setup.ts says so, and fails under CI.
        test: {
          name: 'browser',
          include: chromiumPath ? ['src/**/*.browser.test.ts'] : [],
          passWithNoTests: true,
          setupFiles: ['test/support/all-text.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser at a time: the machine has two cores and service workers are slow to settle.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
