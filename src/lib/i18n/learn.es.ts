import type { learnEn } from './learn.en';

/** Spanish text of the Learn pages; part of the `es` catalog. */
export const learnEs: Record<keyof typeof learnEn, string> = {
  'learn.regression.title': 'Relacionar X con Y',
  'learn.regression.intro':
    '¿Cómo aprende un modelo? Haz una suposición, mide cuánto se equivoca, sigue el gradiente cuesta abajo y deja que una neurona encuentre la respuesta.',
  'learn.digits.title': 'Clasificar dígitos escritos a mano',
  'learn.digits.intro':
    'Una red con una capa oculta de 20 neuronas aprende a leer dígitos escritos a mano y muestra cómo distinguir el sobreajuste del subajuste.',
};
