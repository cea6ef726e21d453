import type { resultsEn } from './results.en';

/** Spanish text of the Train page's results kept with each model and training that explains itself; part of the `es` catalog. */
export const resultsEs: Record<keyof typeof resultsEn, string> = {
  'results.notKept': 'Este modelo se guardó antes de que los resultados se guardaran con los modelos: sus curvas, el F1 macro y las grabaciones en que se equivocó no se guardaron. Estas son sus puntuaciones.',
  'results.of': 'Resultados de «{name}»',
  'results.stop.early': 'Se detuvo en la época {epoch}: la pérdida de validación dejó de mejorar después de la época {kept}; se quedó con los pesos de la época {kept}.',
  'results.stop.completed': 'Hizo las {epoch} épocas; se quedó con los pesos de la época {kept}, los de menor pérdida de validación.',
  'results.stop.cancelled': 'Cancelado en la época {epoch}; se quedó con los pesos de la época {kept}, los de menor pérdida de validación hasta entonces. Un entrenamiento cancelado no se guarda.',
  'results.watching': 'Menor pérdida de validación hasta ahora: época {kept}. El entrenamiento se detiene antes si pasan {patience} épocas seguidas sin mejorar ({since} hasta ahora).',
  'results.axis.epoch': 'Época',
  'results.axis.loss': 'Pérdida',
  'results.axis.accuracy': 'Exactitud',
  'results.kept': 'guardada',
  'results.predicted': 'Predicha →',
  'results.wrong': '{name}: es {truth}, dijo {predicted}; {wrong} de sus {windows} ventanas de prueba mal.',
  'results.noneWrong': 'Ninguna: la mayoría de las ventanas de cada grabación de prueba se etiquetaron bien.',
  'results.rulesSpeed':
    'Reglas (velocidad): la regla de la lección, caminar por debajo de {walking} km/h, correr por debajo de {running} km/h, bicicleta por encima, con la velocidad del GPS si la grabación la tiene y si no, la de la cadencia de pasos: pasos por segundo (el ritmo más fuerte de la aceleración) × {stepM} m por paso.',
  'results.caution.noPeople': 'Ninguna grabación dice quién la hizo, así que la división es por grabación: la caminata de una persona puede quedar en entrenamiento y en prueba, y la precisión de prueba será optimista.',
  'results.caution.peopleUnknown': '{unknown} de {recordings} grabaciones no dicen quién las hizo: cada una puede quedar en prueba mientras las otras grabaciones de la misma persona entrenaron la red, así que la precisión de prueba será optimista.',
  'results.caution.fix': 'Para corregirlo, indica quién hizo cada una en la página Datos.',
  'results.folds': 'Encontrado por la búsqueda de configuración y entrenado con todas las grabaciones: no tiene lado de prueba propio. Su puntuación es la validación cruzada por persona de la búsqueda, pliegue por pliegue:',
};
