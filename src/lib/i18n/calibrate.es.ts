import type { calibrateEn } from './calibrate.en';

/** Spanish text of "Calibrate to me", a model adapted to one person; part of the `es` catalog. */
export const calibrateEs: Record<keyof typeof calibrateEn, string> = {
  'train.calibrate.title': 'Calibrar para mí',
  'train.calibrate.intro':
    'Un modelo entrenado con la clase puede fallar más con una persona: su paso, su cuerpo, su bolsillo. Graba unos 30 s de cada actividad como esa persona y luego adapta a ella el modelo elegido: su última capa aprende de esas tomas y todas las capas anteriores quedan como las entrenó la clase. Se guardan los dos modelos.',
  'train.calibrate.person': 'Persona',
  'train.calibrate.seconds': 'Segundos de cada actividad',
  'train.calibrate.start': 'Calibrar para {person}',
  'train.calibrate.noModel': 'Primero entrena o elige un modelo: la calibración adapta el elegido.',
  'train.calibrate.needPeople': 'Indica quién hizo cada grabación (en la página Grabar o Datos) para calibrar para alguien.',
  'train.calibrate.working': 'Calibrando…',
  'train.calibrate.kept': 'Se guardó «{name}» junto a «{from}», calibrado con {windows} ventanas ({activities}).',
  'train.calibrate.scores': 'En las demás grabaciones de {person} ({windows} ventanas)',
  'train.calibrate.before': 'Como se entrenó',
  'train.calibrate.after': 'Calibrado',
  'train.calibrate.noTest': 'No queda nada de {person} fuera de la toma para evaluarlo: graba más como {person} para ver si mejoró.',
  'train.calibrate.modelName': '{model} · calibrado para {person}',
};
