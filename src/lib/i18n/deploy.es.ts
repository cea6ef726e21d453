import type { deployEn } from './deploy.en';

/** Spanish text of deploying a model to a microcontroller; part of the `es` catalog. */
export const deployEs: Record<keyof typeof deployEn, string> = {
  'deploy.title': 'Llevar el modelo a una placa',
  'deploy.intro':
    'Descarga el modelo elegido como biblioteca en C para microcontroladores, en float32 y en int8, con el sketch de Motion Lab para la Arduino Nano 33 BLE Sense listo para cargar, la red para TensorFlow Lite y los archivos de TensorFlow.js para otras aplicaciones web.',
  'deploy.export': 'Descargar para un microcontrolador',
  'deploy.working': 'Generando la biblioteca…',
  'deploy.noModel': 'Primero entrena un modelo: todavía no hay nada que exportar.',
  'deploy.ready': 'Listo: {file}',
  'deploy.download': 'Guardar {file}',
  'deploy.build': 'Versión',
  'deploy.flash': 'Datos constantes (flash)',
  'deploy.ram': 'RAM estática',
  'deploy.tfjs': 'Pesos de TensorFlow.js: {size}',
  'deploy.tflite': 'La red viene también como archivo .tflite para TensorFlow Lite Micro, comprobado en un entorno de TensorFlow Lite frente a la app.',
  'deploy.noInt8':
    'Este zip no trae la versión int8: sus escalas salen de las grabaciones con las que aprendió “{model}”, y ya no están en este dispositivo. La versión float32, el sketch, TensorFlow Lite y TensorFlow.js sí vienen. Para tener también int8, vuelve a grabar o importar {labels}, o exporta desde el dispositivo donde se entrenó el modelo.',
  'deploy.error.no-model': 'No hay un modelo entrenado para exportar: primero entrena uno y luego expórtalo.',
  'deploy.error.group-without-twin':
    'El grupo de características “{group}” ({features}) no tiene equivalente en C en esta versión del exportador, así que la biblioteca calcularía otra cosa. Entrena un modelo sin ese grupo para exportarlo a C.',
  'deploy.error.features-without-twin':
    'Esta versión del exportador no tiene equivalente en C para {features}, así que la biblioteca calcularía otra cosa. Entrena un modelo que no la use para exportarlo a C.',
  'deploy.error.inputs-out-of-order':
    'Las entradas del modelo no están en el orden en que las calcula el código C (la entrada {position} es “{modelInput}”, la del código C es “{twinInput}”): lo entrenó otra versión del código de características. Vuelve a entrenarlo para exportarlo.',
  'deploy.error.input-count':
    'El modelo tiene {modelInputs} entradas y el código C calcula {computedInputs}: lo entrenó otra versión del código de características. Vuelve a entrenarlo para exportarlo.',
  'deploy.error.raw-window-mismatch':
    'El modelo lee {modelInputs} valores crudos por ventana, pero una ventana con su propia configuración tiene {windowInputs}: lo entrenó otra versión de la app. Vuelve a entrenarlo para exportarlo.',
  'deploy.error.network-unsupported':
    'La red del modelo no se puede exportar a C ({reason}). Solo se pueden exportar las redes densas de Motion Lab: entrena un modelo en esta app y exporta ese.',
  'deploy.error.network-shape':
    'La red recibe {inputs} entradas y da {outputs} salidas, pero el modelo tiene {features} características y {labels} etiquetas: el archivo está dañado. Vuelve a entrenar el modelo o impórtalo de nuevo desde la app que lo entrenó.',
  'deploy.error.not-finite':
    'El modelo contiene un valor que no es un número finito ({value}), así que no se puede exportar: su entrenamiento salió mal. Vuelve a entrenarlo.',
  'deploy.error.calibration-missing':
    'Una biblioteca int8 necesita filas de entrenamiento para calibrar sus escalas y no se dio ninguna. Expórtala con las grabaciones con las que se entrenó.',
  'deploy.error.calibration-size':
    'Calibrar la versión int8 necesita filas de {width} valores y se dieron {values} valores. Expórtala con las grabaciones con las que se entrenó.',
  'deploy.error.training-split-unknown':
    'Esta exportación no trae la versión int8: sus escalas deben salir de las grabaciones con las que aprendió “{model}”, y se guardó antes de que los modelos recordaran cuáles eran. Todo lo demás sí se exporta. Para tener también int8, vuelve a entrenar el modelo.',
  'deploy.error.training-recordings-gone':
    'Esta exportación no trae la versión int8: sus escalas salen de las grabaciones con las que aprendió “{model}”, y estas ya no están en este dispositivo: {recordings}. Todo lo demás sí se exporta. Para tener también int8, exporta desde el dispositivo donde se entrenó el modelo o vuelve a entrenarlo aquí.',
  'deploy.error.training-recordings-changed':
    'Esta exportación no trae la versión int8: sus escalas salen de las grabaciones con las que aprendió “{model}”, y estas han cambiado desde entonces (su etiqueta o su duración): {recordings}. Todo lo demás sí se exporta. Para tener también int8, vuelve a entrenar el modelo con las grabaciones tal como están ahora.',
  'deploy.error.sketch-missing':
    'No se pudo leer el archivo {file} del sketch de la placa (el servidor respondió {status}), así que el zip quedaría incompleto. Recarga la app con conexión a internet y vuelve a exportar.',
  'deploy.error.sketch-not-file':
    'Llegó una página web en lugar del archivo {file} del sketch de la placa, así que el zip quedaría incompleto. Recarga la app con conexión a internet y vuelve a exportar.',
  'deploy.error.sketch-unreachable':
    'El archivo {file} del sketch de la placa no está guardado en este dispositivo y no hay conexión para descargarlo. Recarga la app con conexión a internet y vuelve a exportar.',
  'live.device': 'En la placa',
  'live.browser': 'En el navegador',
  'live.deviceWaiting': 'La placa también clasifica: su primera respuesta llega después de una ventana.',
} as const;
