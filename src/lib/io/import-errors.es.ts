import type { FieldKind, ImportWording, PhoneApp, PlaceWording } from './import-error-codes';

const fieldKinds: Record<FieldKind, string> = {
  object: 'un objeto',
  array: 'una lista',
  string: 'texto',
  number: 'un número finito',
  'positive-number': 'un número mayor que cero',
  'non-negative-number': 'un número finito, cero o más',
  count: 'un número entero, cero o más',
  boolean: 'true o false',
  base64: 'texto base64 de valores completos',
  absent: 'ausente (null), pues los ejes no tienen giroscopio',
  source: 'uno de phone, bluetooth, serial, replay, import',
  axes: 'accX, accY, accZ, seguidos opcionalmente de gyroX, gyroY, gyroZ, cada uno una vez',
};

function megabytes(bytes: number): string {
  // Redondeado hacia arriba, para que un archivo apenas mayor que el límite nunca se lea como el límite.
  return `${String(Math.ceil((bytes / 2 ** 20) * 10) / 10).replace('.', ',')} MB`;
}

const appNames: Record<PhoneApp, string> = { phyphox: 'phyphox', 'physics-toolbox': 'Physics Toolbox', 'sensor-logger': 'Sensor Logger' };

/** Qué exportar en su lugar, por app, cuando una exportación no tiene la gravedad. */
const gravityHints: Record<PhoneApp, string> = {
  phyphox: 'Graba con el experimento “Aceleración (con g)” de phyphox y exporta ese, no “Aceleración sin g”.',
  'physics-toolbox': 'Graba con el medidor de fuerza g (g-Force Meter: gFx, gFy, gFz) de Physics Toolbox y exporta ese, no el acelerómetro lineal.',
  'sensor-logger': 'Exporta la grabación completa (su zip), o importa Gravity.csv o TotalAcceleration.csv de la misma grabación junto con Accelerometer.csv.',
};

const list = (names: string[]) => (names.length === 0 ? '(ninguna)' : names.join(', '));

/** La redacción en español de cada problema de importación (la inglesa está en import-errors.en.ts). */
export const importErrorsEs: ImportWording & PlaceWording = {
  place: (place) => (place.line === undefined ? place.file : `${place.file}, línea ${place.line}`),
  'file-too-large': {
    message: (p) => `el archivo ocupa ${megabytes(p.sizeBytes)}, más de los ${megabytes(p.limitBytes)} que puede tener un archivo.`,
    hint: (p) => `Divídelo en archivos de ${megabytes(p.limitBytes)} como mucho e importa esos.`,
  },
  'not-text': {
    message: () => 'no es un archivo de texto.',
    hint: () => 'Elige un archivo CSV o JSON de Edge Impulse. Si lo es, guárdalo de nuevo como texto UTF-8 (en Excel: «CSV UTF-8»).',
  },
  'empty-file': {
    message: () => 'el archivo está vacío.',
    hint: () => 'Elige un archivo que contenga una grabación; puede que no se terminara de guardar.',
  },
  'no-samples': {
    message: () => 'el archivo no tiene muestras, solo los nombres de las columnas.',
    hint: () => 'Elige un archivo que contenga una grabación; puede que no se terminara de guardar.',
  },
  'missing-columns': {
    message: (p) => `las columnas son ${list(p.found)}, pero se necesitan ${list(p.needed)} (faltan: ${list(p.missing)}).`,
    hint: () =>
      'La primera línea debe nombrar las columnas, separadas por comas: timestamp,accX,accY,accZ, y gyroX,gyroY,gyroZ si hay giroscopio.',
  },
  'duplicate-column': {
    message: (p) => `la columna ${p.column} aparece más de una vez.`,
    hint: () => 'Deja una sola columna de cada nombre en la primera línea.',
  },
  'row-too-short': {
    message: (p) => `esta línea tiene ${p.found} valores donde la primera línea nombra ${p.expected} columnas.`,
    hint: () => 'En la última línea esto suele significar que el archivo se cortó al guardarse: expórtalo de nuevo o borra esa línea.',
  },
  'row-too-long': {
    message: (p) => `esta línea tiene ${p.found} valores donde la primera línea nombra ${p.expected} columnas.`,
    hint: () => 'Busca una coma de más en la línea; los decimales deben llevar punto, no coma.',
  },
  'not-a-number': {
    message: (p) => (p.cell.trim() === '' ? `el valor de ${p.column} está vacío.` : `«${p.cell}» en ${p.column} no es un número.`),
    hint: () => 'Cada valor debe ser un número escrito con punto decimal, como -9.81.',
  },
  'not-finite': {
    message: (p) => `«${p.cell}» en ${p.column} no es un número finito.`,
    hint: () => 'El sensor no dio lectura aquí; quita la línea o la grabación.',
  },
  'value-too-large': {
    message: (p) => `«${p.cell}» en ${p.column} es demasiado grande para guardarse (el máximo es de unos 3.4e38).`,
    hint: () => 'Revisa las unidades de esta columna: las lecturas de movimiento son mucho menores.',
  },
  'timestamp-backwards': {
    message: (p) => `la marca de tiempo retrocede, de ${p.previousMs} ms a ${p.timestampMs} ms.`,
    hint: () => 'Las marcas de tiempo nunca deben disminuir. Si se unieron dos grabaciones, impórtalas como archivos separados.',
  },
  'implausible-duration': {
    message: (p) => `las marcas de tiempo van de ${p.firstMs} a ${p.lastMs}, una duración que no es un número finito de milisegundos.`,
    hint: () => 'Revisa la columna timestamp: debe contar milisegundos desde el inicio de la grabación.',
  },
  'implausible-rate': {
    message: (p) =>
      `las muestras llegan ${String(Number(p.rateHz.toPrecision(3))).replace('.', ',')} veces por segundo si sus tiempos están en milisegundos, y ninguna otra unidad (segundos, microsegundos, nanosegundos) da la frecuencia de un sensor de movimiento, de 1 a 1000.`,
    hint: () => 'Revisa las marcas de tiempo (o interval_ms): deben estar en milisegundos, o de forma regular en segundos, microsegundos o nanosegundos.',
  },
  'rate-not-finite': {
    message: () => 'las muestras están tan juntas que la frecuencia de muestreo no es un número finito.',
    hint: () => 'Revisa las marcas de tiempo (o interval_ms): deben estar en milisegundos, o de forma regular en segundos, microsegundos o nanosegundos.',
  },
  'invalid-json': {
    message: () => 'no es JSON válido.',
    hint: () => 'Puede que el archivo esté dañado o cortado; expórtalo de nuevo.',
  },
  'invalid-field': {
    message: (p) => `${p.path} debería ser ${fieldKinds[p.expected]}.`,
    hint: () => 'Puede que el archivo esté dañado o lo haya escrito un programa que esta app no conoce; expórtalo de nuevo.',
  },
  'length-mismatch': {
    message: (p) => `${p.path} tiene ${p.found} valores donde se esperaban ${p.expected}.`,
    hint: () => 'Puede que el archivo esté dañado o cortado; expórtalo de nuevo.',
  },
  'duplicate-value': {
    message: (p) => `${p.path} repite «${p.value}», que solo debe aparecer una vez.`,
    hint: () => 'Puede que el archivo esté dañado; expórtalo de nuevo.',
  },
  'unknown-reference': {
    message: (p) => `${p.path} es «${p.value}», que no está en la lista de ${p.list === 'labels' ? 'etiquetas' : 'grupos'} del archivo.`,
    hint: () => 'Puede que el archivo esté dañado; expórtalo de nuevo.',
  },
  'missing-sensors': {
    message: (p) => `los sensores son ${list(p.found)}, pero se necesitan ${list(p.needed)} (faltan: ${list(p.missing)}).`,
    hint: () => 'Importa grabaciones de un acelerómetro llamado accX, accY, accZ (con gyroX, gyroY, gyroZ si hay giroscopio).',
  },
  'unsupported-units': {
    message: (p) => `el sensor ${p.sensor} está en «${p.units}»; esta app lee ${list(p.supported)}.`,
    hint: () => 'Convierte los valores a una de esas unidades antes de importar.',
  },
  'not-a-backup': {
    message: () => 'no es una copia de seguridad de Motion Lab.',
    hint: () => 'Elige un archivo hecho con la exportación de copia de seguridad de Motion Lab; importa las grabaciones sueltas como grabaciones.',
  },
  'unsupported-version': {
    message: (p) => `esta copia de seguridad tiene la versión de formato ${p.version}; esta app lee la versión ${p.supported}.`,
    hint: (p) =>
      p.version > p.supported
        ? 'La hizo un Motion Lab más nuevo: actualiza la app y luego restáurala.'
        : 'Puede que el archivo esté dañado; expórtalo de nuevo.',
  },
  'not-a-model': {
    message: () => 'no es un archivo de modelo de Motion Lab.',
    hint: () => 'Elige un archivo hecho con «Exportar» en la lista de modelos de la página Entrenar.',
  },
  'model-mismatch': {
    message: (p) => `este modelo no se puede usar tal como está: ${p.reason}`,
    hint: () => 'Exporta el modelo de nuevo desde la app que lo entrenó, o entrena uno nuevo aquí.',
  },
  'gravity-not-restorable': {
    message: (p) => `${appNames[p.app]}: esta exportación no tiene la gravedad, ni nada de dónde volver a sumarla.`,
    hint: (p) => gravityHints[p.app],
  },
  'unknown-sensor-file': {
    message: () => 'el nombre de este archivo de Sensor Logger no dice de qué sensor es.',
    hint: (p) => `Deja los nombres que Sensor Logger les pone a sus archivos (${list(p.expected)}), o importa el zip de la grabación.`,
  },
  'damaged-zip': {
    message: () => 'este archivo zip está dañado o usa una compresión que esta app no sabe leer.',
    hint: () => 'Vuelve a exportarlo desde la app, o descomprímelo e importa los archivos CSV.',
  },
  'no-recording-in-zip': {
    message: () => 'este zip no tiene ninguna grabación que esta app sepa leer (TotalAcceleration.csv, o Accelerometer.csv con Gravity.csv, de Sensor Logger, o Raw Data.csv de phyphox).',
    hint: () => 'Exporta la grabación con su acelerómetro, o elige directamente los archivos CSV.',
  },
  'several-recordings': {
    message: (p) => `este archivo tiene ${p.count} grabaciones (de varias personas o actividades), y se esperaba una sola.`,
    hint: () => 'Impórtalo en la página Datos, que guarda cada una como una grabación aparte.',
  },
  'no-label': {
    message: () => 'su nombre no da ninguna etiqueta (se esperaba «etiqueta.loquesea.csv»).',
    hint: () => 'Elige una etiqueta para la importación, o cambia el nombre del archivo.',
  },
  'label-refused': {
    message: (p) => `su etiqueta no se puede usar: ${p.reason.wordIn('es')}`,
    hint: () => 'Elige una etiqueta para la importación, o cambia el nombre del archivo.',
  },
  'storage-full': {
    message: () => 'el almacenamiento de este dispositivo está lleno, así que no se guardó.',
    hint: () => 'Libera espacio exportando y borrando grabaciones.',
  },
  'not-stored': {
    message: (p) => `no se pudo guardar (${p.reason.wordIn('es')}).`,
    hint: () => 'Vuelve a intentarlo; si falla otra vez, recarga la app.',
  },
  'is-backup': {
    message: () => 'es una copia de seguridad de Motion Lab de un conjunto de datos entero, no una sola grabación.',
    hint: () => 'Restáurala como copia de seguridad.',
  },
};
