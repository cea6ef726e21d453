import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { mnistDigits } from './build/mnist-digits.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(version),
  },
  plugins: [
    svelte(),
    // The Learn page's 10,000 MNIST digits, packed from the mnist package at build time.
    mnistDigits(),
    VitePWA({
      // The user decides when a new version takes over: never a silent reload mid-recording.
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      manifest: {
        id: '/',
        name: 'Motion Lab',
        short_name: 'Motion Lab',
        description:
          'Record labelled motion, train a small neural network on this device and classify live, offline.',
        lang: 'en',
        theme_color: '#0f766e',
        background_color: '#f7f9f9',
        display: 'standalone',
        orientation: 'any',
        start_url: '/',
        scope: '/',
        categories: ['education', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Shown by Chromium's install dialog; also the README's pictures.
        screenshots: [
          { src: '/screenshots/record-narrow.png', sizes: '780x1688', type: 'image/png', form_factor: 'narrow' },
          { src: '/screenshots/record-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide' },
        ],
      },
      workbox: {
        // Everything the app is made of, wasm binaries and shipped data included, so every
        // page works offline after the first visit.
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest,json,csv,ino,h,c,md,txt,bin}'],
        // Install-dialog screenshots are only seen online, before installing.
        globIgnores: ['screenshots/**'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Module workers: the training worker shares the app's modules (tfjs, the signal pipeline).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // TensorFlow.js is one large lazily loaded chunk by nature; it is never in the first load.
    chunkSizeWarningLimit: 2048,
    // Shipped files stay files (firmware, guides): downloadable by name and precached as such.
    assetsInlineLimit: 0,
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
});
