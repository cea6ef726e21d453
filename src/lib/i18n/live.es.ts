import type { liveEn } from './live.en';

/** Spanish text of the Live page and its error; a text part the pages that show it load (text-parts.ts). */
export const liveEs: Record<keyof typeof liveEn, string> = {
  'live.title': 'En vivo',
  'live.intro':
    'Clasifica el movimiento mientras ocurre con un modelo entrenado, con la línea base de reglas al lado.',
  'live.model': 'Modelo',
  'live.chooseModel': 'Elige un modelo',
  'live.smoothing': 'Suavizado (ventanas)',
  'live.threshold': 'Desconocido bajo la probabilidad',
  'live.network': 'Red',
  'live.rules': 'Reglas (velocidad)',
  'live.unknown': 'desconocido',
  'live.recent': 'Respuestas recientes',
  'live.stats': '{windows} ventanas · latencia p50 {p50} ms, p99 {p99} ms',
  'error.live.no-model': 'Elige primero un modelo entrenado (entrena uno en la página Entrenar).',
};
