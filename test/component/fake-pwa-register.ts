import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/**
 * Stands in for vite-plugin-pwa's virtual module in component tests (jsdom has no service
 * worker). The real registration is tested end to end in Chromium (test/e2e/update.e2e.ts).
 */
export const registrations: RegisterSWOptions[] = [];
export const updates: boolean[] = [];

export function registerSW(options: RegisterSWOptions = {}): (reload?: boolean) => Promise<void> {
  registrations.push(options);
  return async (reload = false) => {
    updates.push(reload);
  };
}
