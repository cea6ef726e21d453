/** English text of recordings from other phone apps: phyphox, Sensor Logger, Physics Toolbox, WISDM; part of the `en` catalog. */
export const formatsEn = {
  'formats.help':
    'Also recordings from phone apps: phyphox (“Raw Data.csv” of “Acceleration with g”), Physics Toolbox (g-Force Meter), Sensor Logger (its zip or JSON, or TotalAcceleration.csv, or Accelerometer.csv with Gravity.csv, each optionally with Gyroscope.csv) and WISDM raw files, which name the person and the activity of each recording. A file the app names itself (“Raw Data.csv”) takes its label from its folder or zip.',
  'formats.chooseFolder': 'Choose a folder…',
  'formats.personFrom': 'Who recorded each file (its person)',
  'formats.personNone': 'Nobody yet',
  'formats.personFolder': 'The folder’s name',
  'formats.personPart': 'A part of the file name',
  'formats.personPattern': 'A regular expression (advanced)',
  'formats.partNumber': 'Which part, counting from 1 (the name split at -, _ and .)',
  'formats.previewTitle': 'What each file will get',
  'formats.previewFile': 'File',
  'formats.previewPerson': 'Person',
  'formats.previewLabel': 'Activity',
  'formats.noPerson': '(nobody)',
  'formats.importChosen': 'Import these files ({count})',
  'formats.cancel': 'Cancel',
  'formats.detail': '{file}: {format}, timestamps in {unit}, {rate} Hz, {gravity}.',
  'formats.gravityRecorded': 'gravity as recorded',
  'formats.gravityRestored': 'gravity restored from the app’s gravity sensor',
  'formats.skipped': '{count} records with an empty value were passed over.',
};
