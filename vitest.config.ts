import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  define: {
    __APP_VERSION__: JSON.stringify('test'),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.component.test.ts'],
          environment: 'node',
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
          include: ['src/**/*.component.test.ts', 'test/component/**/*.test.ts'],
          environment: 'jsdom',
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
