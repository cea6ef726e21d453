import { untrack, type Component } from 'svelte';
import type { RouteId } from '../shell/route';
import { loadText } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/messages.en';
import type { TextPart } from '../lib/i18n/text-parts';
import { settings } from '../state/settings.svelte';

export interface Page {
  titleKey: MessageKey;
  /**
   * The text parts the page shows beyond the first load's (text-parts.ts): loaded with its code,
   * before it renders. pages.test.ts checks the list against every key the page's code names.
   */
  text: readonly TextPart[];
  /** Each page is its own chunk, fetched the first time it is shown, with its text. */
  load: () => Promise<{ default: Component }>;
}

function page(titleKey: MessageKey, text: readonly TextPart[], code: () => Promise<{ default: Component }>): Page {
  // Untracked: the shell loads the page in a $derived, and a language switch (which loads the
  // parts asked for in the new language itself) must not load and mount the page again, losing what is typed in it.
  return { titleKey, text, load: async () => (await Promise.all([code(), loadText(text, untrack(() => settings.locale))]))[0] };
}

const learnText: TextPart[] = ['learn', 'train', 'results', 'computeErrors'];

export const pages: Record<RouteId, Page> = {
  record: page('nav.record', [], () => import('./Record.svelte')),
  data: page('nav.data', ['data', 'dataList', 'formats'], () => import('./Data.svelte')),
  train: page('nav.train', ['train', 'results', 'dataList', 'data', 'calibrate', 'unknown', 'deploy', 'computeErrors'], () => import('./Train.svelte')),
  live: page('nav.live', ['live', 'train', 'unknown', 'deploy', 'computeErrors'], () => import('./Live.svelte')),
  'learn/regression': page('nav.regression', learnText, () => import('./LearnRegression.svelte')),
  'learn/digits': page('nav.digits', learnText, () => import('./LearnDigits.svelte')),
};
