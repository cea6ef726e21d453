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
  'deploy.noInt8':
    'No int8 build in this zip: it takes its scales from the recordings “{model}” learnt from, and they are no longer on this device. The float32 build, the sketch, TensorFlow Lite and TensorFlow.js are all there. For int8 too, record or import {labels} again, or export from the device the model was trained on.',
  'deploy.error.no-model': 'There is no trained model to export: train one first, then export it.',
  'deploy.error.group-without-twin':
    'The feature group “{group}” ({features}) has no C twin in this version of the exporter, so the library would compute something else. Train a model without that group to export it to C.',
  'deploy.error.features-without-twin':
    'This version of the exporter has no C twin for {features}, so the library would compute something else. Train a model that does not use it to export it to C.',
  'deploy.error.inputs-out-of-order':
    'The model’s inputs are not in the order the C code computes them (input {position} is “{modelInput}”, the C code’s is “{twinInput}”): it was trained by a different version of the feature code. Train it again to export it.',
  'deploy.error.input-count':
    'The model has {modelInputs} inputs where the C code computes {computedInputs}: it was trained by a different version of the feature code. Train it again to export it.',
  'deploy.error.raw-window-mismatch':
    'The model reads {modelInputs} raw values per window, but a window of its own settings holds {windowInputs}: it was trained by a different version of the app. Train it again to export it.',
  'deploy.error.network-unsupported':
    'The model’s network cannot be exported to C ({reason}). Only Motion Lab’s own dense networks can: train a model in this app and export that.',
  'deploy.error.network-shape':
    'The network takes {inputs} inputs and gives {outputs} outputs, but the model has {features} features and {labels} labels: the file is damaged. Train the model again, or import it again from the app that trained it.',
  'deploy.error.not-finite':
    'The model holds a value that is not a finite number ({value}), so it cannot be exported: its training went wrong. Train it again.',
  'deploy.error.calibration-missing': 'An int8 library needs training rows to calibrate its scales with; none were given. Export it with the recordings it was trained on.',
  'deploy.error.calibration-size':
    'Calibrating the int8 build needs rows of {width} values; {values} values were given. Export it with the recordings it was trained on.',
  'deploy.error.training-split-unknown':
    'No int8 build in this export: its scales must come from the recordings “{model}” learnt from, and it was saved before models kept which ones those were. Everything else is exported. For int8 too, train the model again.',
  'deploy.error.training-recordings-gone':
    'No int8 build in this export: its scales come from the recordings “{model}” learnt from, and these are no longer on this device: {recordings}. Everything else is exported. For int8 too, export from the device the model was trained on, or train it again here.',
  'deploy.error.training-recordings-changed':
    'No int8 build in this export: its scales come from the recordings “{model}” learnt from, and these have changed since (their label or their length): {recordings}. Everything else is exported. For int8 too, train the model again on the recordings as they are now.',
  'deploy.error.sketch-missing':
    'The board’s sketch file {file} could not be read (the server answered {status}), so the zip would be incomplete. Reload the app while online, then export again.',
  'deploy.error.sketch-not-file':
    'A web page came back instead of the board’s sketch file {file}, so the zip would be incomplete. Reload the app while online, then export again.',
  'deploy.error.sketch-unreachable':
    'The board’s sketch file {file} is not stored on this device and there is no connection to fetch it. Reload the app while online, then export again.',
  'live.device': 'On the device',
  'live.browser': 'In the browser',
  'live.deviceWaiting': 'The board classifies too: its first answer comes after one window.',
} as const;
