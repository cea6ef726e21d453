/** English text of deploying a model to a microcontroller; part of the `en` catalog. */
export const deployEn = {
  'deploy.title': 'Put the model on a board',
  'deploy.intro':
    'Download the chosen model as a C library for microcontrollers, in float32 and in int8, with the Motion Lab sketch for the Arduino Nano 33 BLE Sense ready to flash, the network for TensorFlow Lite, and the TensorFlow.js files for other web apps.',
  'deploy.export': 'Download for a microcontroller',
  'deploy.working': 'Generating the library…',
  'deploy.noModel': 'Train a model first: there is nothing to export yet.',
  'deploy.ready': 'Ready: {file}',
  'deploy.download': 'Save {file}',
  'deploy.build': 'Build',
  'deploy.flash': 'Constant data (flash)',
  'deploy.ram': 'Static RAM',
  'deploy.tfjs': 'TensorFlow.js weights: {size}',
  'deploy.tflite': 'The network also comes as a .tflite file for TensorFlow Lite Micro, checked in a TensorFlow Lite runtime against the app.',
  'live.device': 'On the device',
  'live.browser': 'In the browser',
  'live.deviceWaiting': 'The board classifies too: its first answer comes after one window.',
} as const;
