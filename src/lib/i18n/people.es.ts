import type { peopleEn } from './people.en';

/** Spanish text of recording on a phone, the people who record, and Live's warnings; part of the `es` catalog. */
export const peopleEs: Record<keyof typeof peopleEn, string> = {
  'people.why': 'Elige el mismo nombre cada vez que grabes: así el entrenamiento se prueba con personas que no vio y la puntuación es honesta.',
  'people.someoneNew': 'Otra persona',
  'people.newName': 'Nombre de la nueva persona',
  'people.recordingBy': '{person} está grabando «{label}»',
  'people.stalled': 'Sin lecturas desde hace {seconds} s: el sensor se detuvo. Se cuenta como un corte.',
  'people.stalls': 'Cortes',
  'people.noRecordings': 'Todavía no hay grabaciones: graba una o carga el conjunto de demostración en la página Datos.',
  'people.toData': 'Ir a Datos',
  'people.trainedOn': '«{recording}» formó parte de los datos de entrenamiento de este modelo: ya vio este movimiento, así que aquí se verá mejor que con un movimiento que nunca vio.',
  'people.validatedOn': '«{recording}» fue parte de la validación de este modelo (decidió cuándo parar el entrenamiento): las respuestas pueden verse algo mejores que con un movimiento nuevo.',
};
