/**
 * English wording of the errors a user can see that have no catalog of their own (imports word
 * theirs in io/import-errors.*.ts, exports in deploy.*.ts); part of the `en` catalog. Each
 * `error.<area>.<code>` says what happened, its `.hint` what to do.
 */
export const errorsEn = {
  'error.store.full': 'This device’s storage for Motion Lab is full, so this could not be saved.',
  'error.store.full.hint': 'Free some space: delete recordings or models you no longer need (export a backup first), or free storage on the device, then try again.',
  'error.store.closed': 'The app’s database was closed by a newer version of Motion Lab opened in another tab, so this could not be saved.',
  'error.store.closed.hint': 'Reload this tab to use the new version.',
  'error.store.missing-recording': 'No recording with id {id}.',
  'error.store.missing-model': 'No model with id {id}.',
  'error.store.model-name': 'A model needs a name.',
  'error.store.not-recording': 'Recording {id} is not receiving samples: begin it first.',
  'error.store.trim-empty': 'Trimming “{name}” to {startMs}–{endMs} ms would leave no samples.',
  'error.store.split-empty': 'Splitting “{name}” at {atMs} ms would leave one part empty.',
  // A recording in progress in one tab, and a database from a newer version of the app.
  'error.store.recording-elsewhere': '“{name}” is being recorded in another tab, so it cannot be changed yet.',
  'error.store.recording-elsewhere.hint': 'Stop the recording in that tab, then try again.',
  'error.store.recording-here': '“{name}” is still being recorded, so it cannot be changed yet.',
  'error.store.recording-here.hint': 'Stop the recording on the Record page, then try again.',
  'error.store.newer-database': 'The data on this device was saved by a newer version of Motion Lab than this one, which cannot open it.',
  'error.store.newer-database.hint': 'Reload the page to get the newer version. If nothing changes, close every Motion Lab tab and open the app again so that it updates.',
  'error.label.empty': 'A label needs a name.',
  'error.label.too-long': '“{start}…” is too long for a label: {max} characters at most.',
  'error.label.exists': 'There is already a label “{label}”.',
  'error.label.missing': 'There is no label “{label}”.',
  'error.label.in-use-one': '1 recording still use “{label}”: relabel or delete them first.',
  'error.label.in-use': '{count} recordings still use “{label}”: relabel or delete them first.',
  'error.label.control': '“{start}…” has a control character (a line break, a tab or the like) at character {position}: a label is one line of plain text.',
  'error.label.recording-elsewhere': '“{label}” cannot be renamed while “{name}” is being recorded with it in another tab: stop that recording, then rename the label.',
  'error.label.recording-here': '“{label}” cannot be renamed while “{name}” is being recorded with it: stop the recording on the Record page, then rename the label.',
  'error.window.out-of-bounds': 'A window of {windowS} s at {rateHz} Hz with a stride of {strideS} s is out of bounds: a rate up to {maxRateHz} Hz, a window and a stride above 0 and up to {maxSeconds} s, and from {minSamples} to {maxSamples} samples in a window.',
  'error.window.out-of-bounds.hint': 'Choose a shorter window or a lower rate.',
  'error.recorder.full': 'Storage is full. “{name}” was kept up to {duration}, its last save. Free space by exporting and deleting recordings, then record again.',
  'error.recorder.failed': 'Saving failed ({reason}). “{name}” was kept up to {duration}, its last save.',
  'error.gps.no-api': 'This browser has no GPS access; recording without speed.',
  'error.gps.failed': 'No GPS speed ({reason}); recording without it.',
  'error.bluetooth.dropped': 'The Bluetooth link to {device} dropped (out of range, or the board lost power). What arrived is kept: bring the board closer and reconnect.',
  'error.serial.lost': 'The USB connection to {device} was lost (cable unplugged, or the board reset). What arrived is kept: plug it back in and start again.',
  'error.replay.none-chosen': 'Pick a stored recording to replay.',
  'error.sensor.no-api': 'This browser has no motion sensor API. Use a phone browser, or pick another source.',
  'error.sensor.denied': 'Motion access was denied. Allow “Motion & Orientation Access” for this site in Safari’s settings, then try again.',
  'error.sensor.silent':
    'No motion readings arrived within 2 s. This device may have no motion sensors (most computers don’t), or motion access is blocked: allow “Motion sensors” in this site’s settings, then try again.',
  'error.bluetooth.insecure': 'Bluetooth needs a secure page: open Motion Lab over https:// or from localhost.',
  'error.bluetooth.no-api':
    'This browser has no Web Bluetooth. Use Chrome or Edge on a computer or on Android (on iPhone or iPad, the Bluefy browser); Firefox and Safari do not offer it.',
  'error.bluetooth.none-offered':
    'No board could be offered ({reason}). Check that Bluetooth is on, and that the board is powered, running one of {profiles}, and not connected to another app or tab.',
  'error.bluetooth.blocked':
    'The browser blocked Bluetooth. Connect from a button press, on a page opened over https:// or from localhost, and check that this site may use Bluetooth.',
  'error.bluetooth.no-services': '{device} offers no Bluetooth services to connect to.',
  'error.bluetooth.connect-failed': 'Could not connect to {device} ({reason}). Bring it closer, press its reset button, and try again.',
  'error.bluetooth.off': 'Bluetooth is off, or this computer has no Bluetooth adapter. Turn Bluetooth on and try again.',
  'error.bluetooth.unknown-services': '{device} offers none of the services Motion Lab reads ({profiles}). Flash the Motion Lab sketch onto it, then connect again.',
  'error.bluetooth.firmware-changed': '{device} has changed its firmware since it was chosen. Connect to it again.',
  'error.serial.insecure': 'Serial ports need a secure page: open Motion Lab over https:// or from localhost.',
  'error.serial.no-api':
    'This browser has no Web Serial. Use Chrome or Edge on a computer (or Firefox from version 151); Safari and most phone browsers do not offer it. Bluetooth may work instead.',
  'error.serial.cancelled': 'No serial port was chosen.',
  'error.serial.blocked': 'The browser blocked serial ports. Connect from a button press, and check that this site may use serial ports.',
  'error.serial.went-away': '{device} went away before sending any readings. Check the cable and try again.',
  'error.serial.silent':
    'No readings from {device} within {seconds} s at {baud} baud. Check that the sketch prints one reading per line (ax,ay,az or ax,ay,az,gx,gy,gz, as the Motion Lab firmware does) and that its Serial.begin() uses {baud}.',
  'error.serial.garbage':
    'No readings from {device} within {seconds} s at {baud} baud; it sent lines such as “{example}”. Check that the sketch prints one reading per line (ax,ay,az or ax,ay,az,gx,gy,gz, as the Motion Lab firmware does) and that its Serial.begin() uses {baud}.',
  'error.serial.already-open': '{device} is already open in this page. Stop the source using it first.',
  'error.serial.busy':
    "{device} is busy: another program has it open (the Arduino IDE's Serial Monitor or Plotter, the Edge Impulse CLI, another tab). Close it and try again.",
  'error.replay.empty': '{device} has no samples to play.',
  'error.bluetooth.cancelled': 'No Bluetooth device was chosen.',
} as const;
