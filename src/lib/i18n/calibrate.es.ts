import type { calibrateEn } from './calibrate.en';

/** Spanish text of "Calibrate to me", a model adapted to one person; part of the `es` catalog. */
export const calibrateEs: Record<keyof typeof calibrateEn, string> = {
  'train.calibrate.title': 'Calibrar para mí',
  'train.calibrate.intro':
    'Un modelo entrenado con la clase puede fallar más con una persona: su paso, su cuerpo, su bolsillo. Graba una toma de unos 30 s de cada actividad como esa persona (o usa lo que ya grabó) y luego adapta a ella el modelo elegido: su última capa aprende de esas tomas y todas las capas anteriores quedan como las entrenó la clase. Se guardan los dos modelos.',
  'train.calibrate.person': 'Persona',
  'train.calibrate.seconds': 'Segundos de cada actividad',
  'train.calibrate.start': 'Calibrar para {person}',
  'train.calibrate.noModel': 'Primero entrena o elige un modelo: la calibración adapta el elegido.',
  'train.calibrate.takes': 'Una toma de cada actividad',
  'train.calibrate.source': 'Las tomas usan la fuente y la cuenta regresiva de la página Grabar (se cambian allí). Fuente: {source}. Cada toma se guarda como una grabación de la persona y la actividad.',
  'train.calibrate.recordTake': 'Grabar {seconds} s',
  'train.calibrate.recordTakeOf': 'Grabar {seconds} s de {activity}',
  'train.calibrate.noTake': 'Todavía sin toma',
  'train.calibrate.recordedNow': 'Toma grabada: {name}, {duration}',
  'train.calibrate.theirRecordings': 'De sus grabaciones anteriores ({duration}), salvo que grabes una toma',
  'train.calibrate.takeProgress': 'Toma de {activity}',
  'train.calibrate.takeStatus': 'Grabando {activity}: {elapsed} s de {seconds} s',
  'train.calibrate.takeSaved': 'Toma de {activity} guardada ({duration}).',
  'train.calibrate.needTakes': 'Para calibrar hace falta una toma de cada actividad. Todavía sin toma: {missing}.',
  'train.calibrate.working': 'Calibrando…',
  'train.calibrate.kept': 'Se guardó «{name}» junto a «{from}», calibrado con {windows} ventanas ({activities}).',
  'train.calibrate.scores': 'En las demás grabaciones de {person} ({windows} ventanas)',
  'train.calibrate.before': 'Como se entrenó',
  'train.calibrate.after': 'Calibrado',
  'train.calibrate.noTest': 'No queda nada de {person} fuera de la toma para evaluarlo: graba más como {person} para ver si mejoró.',
  'train.calibrate.modelName': '{model} · calibrado para {person}',
};
