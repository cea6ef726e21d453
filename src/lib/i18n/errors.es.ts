import type { errorsEn } from './errors.en';

/** Spanish wording of the errors in errors.en.ts; part of the `es` catalog. */
export const errorsEs: Record<keyof typeof errorsEn, string> = {
  'error.store.full': 'El almacenamiento de este dispositivo para Motion Lab está lleno, así que esto no se pudo guardar.',
  'error.store.full.hint': 'Libera espacio: borra grabaciones o modelos que ya no necesites (exporta antes una copia de seguridad), o libera almacenamiento en el dispositivo, y vuelve a intentarlo.',
  'error.store.closed': 'Una versión más nueva de Motion Lab abierta en otra pestaña cerró la base de datos de la app, así que esto no se pudo guardar.',
  'error.store.closed.hint': 'Recarga esta pestaña para usar la versión nueva.',
  'error.store.missing-recording': 'No hay ninguna grabación con el id {id}.',
  'error.store.missing-model': 'No hay ningún modelo con el id {id}.',
  'error.store.model-name': 'Un modelo necesita un nombre.',
  'error.store.not-recording': 'La grabación {id} no está recibiendo muestras: empiézala primero.',
  'error.store.trim-empty': 'Recortar «{name}» a {startMs}–{endMs} ms no dejaría ninguna muestra.',
  'error.store.split-empty': 'Dividir «{name}» en {atMs} ms dejaría una parte vacía.',
  // Una grabación en curso en una pestaña, y una base de datos de una versión más nueva de la app.
  'error.store.recording-elsewhere': '«{name}» se está grabando en otra pestaña, así que aún no se puede cambiar.',
  'error.store.recording-elsewhere.hint': 'Detén la grabación en esa pestaña y vuelve a intentarlo.',
  'error.store.recording-here': '«{name}» todavía se está grabando, así que aún no se puede cambiar.',
  'error.store.recording-here.hint': 'Detén la grabación en la página Grabar y vuelve a intentarlo.',
  'error.store.newer-database': 'Los datos de este dispositivo los guardó una versión de Motion Lab más nueva que esta, que no puede abrirlos.',
  'error.store.newer-database.hint': 'Recarga la página para obtener la versión nueva. Si nada cambia, cierra todas las pestañas de Motion Lab y vuelve a abrir la app para que se actualice.',
  'error.label.empty': 'Una etiqueta necesita un nombre.',
  'error.label.too-long': '«{start}…» es demasiado larga para una etiqueta: {max} caracteres como máximo.',
  'error.label.exists': 'Ya hay una etiqueta «{label}».',
  'error.label.missing': 'No hay ninguna etiqueta «{label}».',
  'error.label.in-use-one': '1 grabación aún usa «{label}»: cámbiale la etiqueta o bórrala primero.',
  'error.label.in-use': '{count} grabaciones aún usan «{label}»: cámbiales la etiqueta o bórralas primero.',
  'error.label.control': '«{start}…» tiene un carácter de control (un salto de línea, un tabulador o similar) en el carácter {position}: una etiqueta es una sola línea de texto.',
  'error.label.recording-elsewhere': '«{label}» no se puede renombrar mientras «{name}» se está grabando con esa etiqueta en otra pestaña: detén esa grabación y luego renombra la etiqueta.',
  'error.label.recording-here': '«{label}» no se puede renombrar mientras «{name}» se está grabando con esa etiqueta: detén la grabación en la página Grabar y luego renombra la etiqueta.',
  'error.window.out-of-bounds': 'Una ventana de {windowS} s a {rateHz} Hz con un paso de {strideS} s está fuera de los límites: una frecuencia de hasta {maxRateHz} Hz, una ventana y un paso mayores que 0 y de hasta {maxSeconds} s, y de {minSamples} a {maxSamples} muestras por ventana.',
  'error.window.out-of-bounds.hint': 'Elige una ventana más corta o una frecuencia más baja.',
  'error.recorder.full': 'El almacenamiento está lleno. «{name}» se conservó hasta {duration}, su último guardado. Libera espacio exportando y borrando grabaciones, y vuelve a grabar.',
  'error.recorder.failed': 'No se pudo guardar ({reason}). «{name}» se conservó hasta {duration}, su último guardado.',
  'error.gps.no-api': 'Este navegador no tiene acceso al GPS; se graba sin velocidad.',
  'error.gps.failed': 'Sin velocidad del GPS ({reason}); se graba sin ella.',
  'error.bluetooth.dropped': 'Se cortó el enlace Bluetooth con {device} (fuera de alcance, o la placa se quedó sin energía). Lo que llegó se conserva: acerca la placa y vuelve a conectar.',
  'error.serial.lost': 'Se perdió la conexión USB con {device} (cable desenchufado, o la placa se reinició). Lo que llegó se conserva: vuelve a enchufarla y empieza de nuevo.',
  'error.replay.none-chosen': 'Elige una grabación guardada para reproducirla.',
  'error.sensor.no-api': 'Este navegador no tiene API de sensores de movimiento. Usa el navegador de un teléfono o elige otra fuente.',
  'error.sensor.denied': 'Se denegó el acceso al movimiento. Permite «Acceso a movimiento y orientación» para este sitio en los ajustes de Safari y vuelve a intentarlo.',
  'error.sensor.silent':
    'No llegó ninguna lectura de movimiento en 2 s. Puede que este dispositivo no tenga sensores de movimiento (la mayoría de los ordenadores no los tienen) o que el acceso esté bloqueado: permite «Sensores de movimiento» en los ajustes de este sitio y vuelve a intentarlo.',
  'error.bluetooth.insecure': 'Bluetooth necesita una página segura: abre Motion Lab por https:// o desde localhost.',
  'error.bluetooth.no-api':
    'Este navegador no tiene Web Bluetooth. Usa Chrome o Edge en un ordenador o en Android (en iPhone o iPad, el navegador Bluefy); Firefox y Safari no lo ofrecen.',
  'error.bluetooth.none-offered':
    'No se pudo ofrecer ninguna placa ({reason}). Comprueba que Bluetooth esté encendido y que la placa tenga alimentación, ejecute uno de {profiles} y no esté conectada a otra app o pestaña.',
  'error.bluetooth.blocked':
    'El navegador bloqueó Bluetooth. Conecta pulsando un botón, en una página abierta por https:// o desde localhost, y comprueba que este sitio pueda usar Bluetooth.',
  'error.bluetooth.no-services': '{device} no ofrece servicios Bluetooth a los que conectarse.',
  'error.bluetooth.connect-failed': 'No se pudo conectar con {device} ({reason}). Acércala, pulsa su botón de reinicio y vuelve a intentarlo.',
  'error.bluetooth.off': 'Bluetooth está apagado o este ordenador no tiene adaptador Bluetooth. Enciende Bluetooth y vuelve a intentarlo.',
  'error.bluetooth.unknown-services': '{device} no ofrece ninguno de los servicios que lee Motion Lab ({profiles}). Graba en ella el sketch de Motion Lab y vuelve a conectar.',
  'error.bluetooth.firmware-changed': '{device} cambió de firmware desde que se eligió. Vuelve a conectarte a ella.',
  'error.serial.insecure': 'Los puertos serie necesitan una página segura: abre Motion Lab por https:// o desde localhost.',
  'error.serial.no-api':
    'Este navegador no tiene Web Serial. Usa Chrome o Edge en un ordenador (o Firefox desde la versión 151); Safari y la mayoría de navegadores de teléfono no lo ofrecen. Bluetooth puede funcionar en su lugar.',
  'error.serial.cancelled': 'No se eligió ningún puerto serie.',
  'error.serial.blocked': 'El navegador bloqueó los puertos serie. Conecta pulsando un botón y comprueba que este sitio pueda usar puertos serie.',
  'error.serial.went-away': '{device} desapareció antes de enviar ninguna lectura. Revisa el cable y vuelve a intentarlo.',
  'error.serial.silent':
    'Ninguna lectura de {device} en {seconds} s a {baud} baudios. Comprueba que el sketch imprima una lectura por línea (ax,ay,az o ax,ay,az,gx,gy,gz, como hace el firmware de Motion Lab) y que su Serial.begin() use {baud}.',
  'error.serial.garbage':
    'Ninguna lectura de {device} en {seconds} s a {baud} baudios; envió líneas como «{example}». Comprueba que el sketch imprima una lectura por línea (ax,ay,az o ax,ay,az,gx,gy,gz, como hace el firmware de Motion Lab) y que su Serial.begin() use {baud}.',
  'error.serial.already-open': '{device} ya está abierto en esta página. Detén primero la fuente que lo usa.',
  'error.serial.busy':
    '{device} está ocupado: otro programa lo tiene abierto (el Monitor o el Serial Plotter del IDE de Arduino, la CLI de Edge Impulse, otra pestaña). Ciérralo y vuelve a intentarlo.',
  'error.replay.empty': '{device} no tiene muestras que reproducir.',
  'error.bluetooth.cancelled': 'No se eligió ningún dispositivo Bluetooth.',
};
