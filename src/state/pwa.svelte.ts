import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker's life as the user sees it: "ready to work offline" once the app is
 * cached, and "update available" when a new version is waiting. The new version is activated
 * only when the user asks for it, never by a silent reload.
 */
class Pwa {
  offlineReady = $state(false);
  updateWaiting = $state(false);
  #activate: ((reload?: boolean) => Promise<void>) | undefined;

  register(): void {
    if (!('serviceWorker' in navigator)) return;
    this.#activate = registerSW({
      immediate: true,
      onOfflineReady: () => {
        this.offlineReady = true;
      },
      onNeedRefresh: () => {
        this.updateWaiting = true;
      },
      onRegisterError: (error: unknown) => {
        console.warn('Service worker registration failed; the app works online only.', error);
      },
    });
  }

  /** Activates the waiting version; the page reloads once it has taken control. */
  async update(): Promise<void> {
    await this.#activate?.(true);
  }
}

export const pwa = new Pwa();
