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
  'live.device': 'En la placa',
  'live.browser': 'En el navegador',
  'live.deviceWaiting': 'La placa también clasifica: su primera respuesta llega después de una ventana.',
} as const;
