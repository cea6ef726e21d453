/** English text of the Live page and its error; a text part the pages that show it load (text-parts.ts). */
export const liveEn = {
  'live.title': 'Live',
  'live.intro':
    'Classify motion as it happens with a trained model, with the rule-based baseline beside it.',
  'live.model': 'Model',
  'live.chooseModel': 'Choose a model',
  'live.smoothing': 'Smoothing (windows)',
  'live.threshold': 'Unknown below probability',
  'live.network': 'Network',
  'live.rules': 'Rules (speed)',
  'live.unknown': 'unknown',
  'live.recent': 'Recent answers',
  'live.stats': '{windows} windows · latency p50 {p50} ms, p99 {p99} ms',
  'error.live.no-model': 'Choose a trained model first (train one on the Train page).',
} as const;
