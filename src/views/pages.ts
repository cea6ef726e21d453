import type { Component } from 'svelte';
import type { RouteId } from '../shell/route';
import type { MessageKey } from '../lib/i18n/messages.en';

export interface Page {
  titleKey: MessageKey;
  /** Each page is its own chunk, fetched the first time it is shown. */
  load: () => Promise<{ default: Component }>;
}

export const pages: Record<RouteId, Page> = {
  record: { titleKey: 'nav.record', load: () => import('./Record.svelte') },
  data: { titleKey: 'nav.data', load: () => import('./Data.svelte') },
  train: { titleKey: 'nav.train', load: () => import('./Train.svelte') },
  live: { titleKey: 'nav.live', load: () => import('./Live.svelte') },
  'learn/regression': { titleKey: 'nav.regression', load: () => import('./LearnRegression.svelte') },
  'learn/digits': { titleKey: 'nav.digits', load: () => import('./LearnDigits.svelte') },
};
