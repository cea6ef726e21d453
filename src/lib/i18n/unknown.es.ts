import type { unknownEn } from './unknown.en';

/** Spanish text of the honest “unknown”: a score for motion unlike anything trained; part of the `es` catalog. */
export const unknownEs: Record<keyof typeof unknownEn, string> = {
  'unknown.reason.unfamiliar': 'No se parece a nada de lo que aprendió',
  'unknown.reason.unsure': 'No está seguro: ninguna actividad llega al umbral',
  'unknown.setting': 'Decir «desconocido» ante un movimiento que no se parece a nada de lo que aprendió el modelo',
  'unknown.settingHint':
    'Según la puntuación de desconocido del modelo, cuando 2 s seguidos no se parecen a nada de lo que aprendió: un momento raro no es desconocido. Entrenado con pocas personas, puede encontrar distinta también a alguien nuevo: pruébalo con quien lo vaya a usar.',
};
