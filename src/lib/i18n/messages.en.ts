/**
 * English UI text. Every other catalog must have exactly these keys (the type checker and a
 * unit test both hold them to it). `{name}` marks a value filled in at run time.
 */
export const en = {
  'app.name': 'Motion Lab',
  'app.tagline': 'Record motion, train a network on this device, classify live.',
  'nav.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.record': 'Record',
  'nav.data': 'Data',
  'nav.train': 'Train',
  'nav.live': 'Live',
  'nav.learn': 'Learn',
  'nav.learnSections': 'Lessons',
  'nav.regression': 'Regression',
  'nav.digits': 'Digits',
  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'view.loading': 'Loading…',
  'view.notFound.title': 'Page not found',
  'view.notFound.body': 'There is no page at “{path}”.',
  'view.notFound.home': 'Go to Record',
  'record.title': 'Record',
  'record.intro':
    'Rules like “under 4 km/h is walking, under 12 is running, faster is biking” break down quickly, and no rule can describe a golf swing. Instead, record labelled examples of each activity and let a network learn from them.',
  'record.labels': 'Activities',
  'record.sources': 'Motion sources',
  'record.source.phone': 'This phone’s motion sensors',
  'record.source.bluetooth': 'Arduino Nano 33 BLE Sense over Bluetooth',
  'record.source.serial': 'A microcontroller over USB serial',
  'record.source.replay': 'Replay of a stored recording',
  'data.title': 'Data',
  'data.intro': 'Your recordings stay on this device unless you export them.',
  'data.storage': 'Storage',
  'data.storage.used': '{used} used of {quota} available to this app',
  'data.storage.unknown': 'This browser does not report how much storage the app may use.',
  'data.storage.persisted': 'Stored persistently: the browser will not clear it to free space.',
  'data.storage.notPersisted':
    'Not yet stored persistently: the app asks for it when you save your first recording.',
  'train.title': 'Train',
  'train.intro':
    'Training happens on this device: the recordings are cut into windows, summarised as features and fed to a small dense network.',
  'train.backend': 'Compute backend',
  'train.backend.checking': 'Checking which backend this device can use…',
  'train.backend.ready': 'TensorFlow.js {version} on the {backend} backend.',
  'train.backend.fallback': 'WebAssembly is unavailable here ({reason}); using the slower {backend} backend.',
  'train.backend.failed': 'TensorFlow.js could not start: {reason}',
  'live.title': 'Live',
  'live.intro':
    'Classify motion as it happens with a trained model, with the rule-based baseline beside it.',
  'learn.regression.title': 'Matching X to Y',
  'learn.regression.intro':
    'How does a model learn? Make a guess, measure how wrong it is, follow the gradient downhill, then let one neuron find the answer.',
  'learn.digits.title': 'Classifying handwritten digits',
  'learn.digits.intro':
    'A network with one hidden layer of 20 neurons learns to read handwritten digits, and shows how to tell over- from underfitting.',
  'pwa.offlineReady': 'Ready to work offline.',
  'pwa.updateAvailable': 'An update of Motion Lab is available.',
  'pwa.updateBusy': 'An update is ready; finish {activity} first, then reload.',
  'pwa.reload': 'Reload',
  'busy.recording': 'the recording',
  'busy.training': 'training',
  'pwa.dismiss': 'Dismiss',
  'error.title': 'Something went wrong',
  'error.body': 'The app hit an error it did not expect. Your stored data is safe.',
  'error.details': 'Details',
  'error.copy': 'Copy details',
  'error.copied': 'Copied',
  'error.copyFailed': 'Could not copy; select the text above instead.',
  'error.reload': 'Reload the app',
  'error.dismiss': 'Dismiss',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
