import type { formatsEn } from './formats.en';

/** Spanish text of recordings from other phone apps: phyphox, Sensor Logger, Physics Toolbox, WISDM; part of the `es` catalog. */
export const formatsEs: Record<keyof typeof formatsEn, string> = {
  'formats.help':
    'También grabaciones de apps del celular: phyphox (“Raw Data.csv” de “Aceleración con g”), Physics Toolbox (medidor de fuerza g), Sensor Logger (su zip o su JSON, o TotalAcceleration.csv, o Accelerometer.csv con Gravity.csv, cada uno con Gyroscope.csv si quieres) y archivos crudos de WISDM, que dicen la persona y la actividad de cada grabación. Un archivo al que la app le pone nombre (“Raw Data.csv”) toma la etiqueta de su carpeta o de su zip.',
  'formats.chooseFolder': 'Elegir una carpeta…',
  'formats.personFrom': 'Quién grabó cada archivo (su persona)',
  'formats.personNone': 'Nadie por ahora',
  'formats.personFolder': 'El nombre de la carpeta',
  'formats.personPart': 'Una parte del nombre del archivo',
  'formats.personPattern': 'Una expresión regular (avanzado)',
  'formats.partNumber': 'Qué parte, contando desde 1 (el nombre cortado en -, _ y .)',
  'formats.previewTitle': 'Lo que recibirá cada archivo',
  'formats.previewFile': 'Archivo',
  'formats.previewPerson': 'Persona',
  'formats.previewLabel': 'Actividad',
  'formats.noPerson': '(nadie)',
  'formats.importChosen': 'Importar estos archivos ({count})',
  'formats.cancel': 'Cancelar',
  'formats.detail': '{file}: {format}, marcas de tiempo en {unit}, {rate} Hz, {gravity}.',
  'formats.gravityRecorded': 'gravedad tal como se grabó',
  'formats.gravityRestored': 'gravedad recuperada del sensor de gravedad de la app',
  'formats.skipped': 'Se omitieron {count} registros con un valor vacío.',
};
