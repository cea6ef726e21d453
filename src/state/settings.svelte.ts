import {
  isLocale,
  loadCatalog,
  pickLocale,
  translate,
  type Locale,
  type MessageParams,
} from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/messages.en';
import { applyTheme, isTheme, type Theme } from '../shell/theme';

const LOCALE_KEY = 'motion-lab.locale';
const THEME_KEY = 'motion-lab.theme';

/** A value remembered on this device, or null where none is or storage is blocked. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be blocked (private mode, site settings); the app still works, unremembered.
    return null;
  }
}

/** Remembers a value on this device, where storage allows. */
export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // See readStored: a choice that cannot be remembered still applies to this visit.
  }
}

/** The user's language and theme: picked once at start-up, switchable, remembered. */
class Settings {
  #locale = $state<Locale>(pickLocale(readStored(LOCALE_KEY), navigator.languages ?? []));
  #theme = $state<Theme>(((t) => (isTheme(t) ? t : 'system'))(readStored(THEME_KEY)));

  constructor() {
    document.documentElement.lang = this.#locale;
    applyTheme(document.documentElement, this.#theme);
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** Switches once the language's text has loaded (a small chunk, precached for offline use). */
  set locale(value: Locale) {
    if (!isLocale(value)) return;
    void loadCatalog(value).then(() => {
      this.#locale = value;
      document.documentElement.lang = value;
      writeStored(LOCALE_KEY, value);
    });
  }

  /** Loads the language picked at start-up; the app is mounted after it. */
  ready(): Promise<void> {
    return loadCatalog(this.#locale);
  }

  get theme(): Theme {
    return this.#theme;
  }

  set theme(value: Theme) {
    this.#theme = value;
    applyTheme(document.documentElement, value);
    writeStored(THEME_KEY, value);
  }

  /** Reactive in templates: reading the locale here re-renders the text when it changes. */
  t = (key: MessageKey, params?: MessageParams): string => translate(this.#locale, key, params);
}

export const settings = new Settings();
