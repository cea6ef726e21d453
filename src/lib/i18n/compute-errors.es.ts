import type { computeErrorsEn } from './compute-errors.en';

/** Spanish text of the errors of the runs in the compute worker (training, cross-validation, calibration, the setup search) and of the worker itself; a text part the pages that show it load (text-parts.ts). */
export const computeErrorsEs: Record<keyof typeof computeErrorsEn, string> = {
  'error.training.no-windows-train': 'El conjunto de entrenamiento no tiene ninguna ventana de {windowS} s: graba grabaciones más largas, o más grabaciones.',
  'error.training.no-windows-validation': 'El conjunto de validación no tiene ninguna ventana de {windowS} s: graba grabaciones más largas, o más grabaciones.',
  'error.training.no-windows-test': 'El conjunto de prueba no tiene ninguna ventana de {windowS} s: graba grabaciones más largas, o más grabaciones.',
  'error.cross-validation.no-people': 'La validación cruzada por persona necesita saber quién hizo cada grabación, y ninguna de estas grabaciones lo dice.',
  'error.cross-validation.no-people.hint': 'Indica la persona al grabar («Quién graba») o al importar (quién la grabó, a partir del nombre del archivo).',
  'error.cross-validation.one-person': 'La validación cruzada por persona necesita grabaciones de al menos dos personas; todas estas son de {person}.',
  'error.cross-validation.one-person.hint': 'Graba las actividades también con otra persona.',
  'error.calibration.no-last-layer': 'Este modelo no termina en una capa que la calibración pueda adaptar.',
  'error.calibration.no-last-layer.hint': 'Entrena un modelo nuevo con esta versión de la app y calibra ese.',
  'error.calibration.no-take': 'Ninguna toma de {person} es lo bastante larga para calibrar: los primeros {seconds} s de sus actividades no dan ninguna ventana.',
  'error.calibration.no-take.hint': 'Graba una toma corta (unos 30 s) de cada actividad como {person}, o elige a otra persona.',
  'error.cross-validation.label-in-one-fold': 'Todas las personas que grabaron «{label}» ({people}) se prueban en un mismo pliegue, así que el modelo con que se prueban nunca habría aprendido «{label}».',
  'error.cross-validation.label-in-one-fold.hint': 'Graba «{label}» con más personas, o usa más pliegues.',
  'error.search.too-few-people': 'Buscar la mejor configuración necesita grabaciones de al menos tres personas, para elegir con unas y probar con otras; estas son de {people}.',
  'error.search.too-few-people.hint': 'Graba las actividades con más personas.',
  'error.compute.failed': 'El entrenamiento falló: {message}',
  'error.compute.worker-failed': 'El proceso de entrenamiento se detuvo: {message}',
  'error.compute.worker-failed.hint': 'Recarga la página y vuelve a intentarlo.',
  'error.compute.stopped': 'El entrenamiento se detuvo antes de terminar.',
};
