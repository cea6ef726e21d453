/** English text of recording on a phone, the people who record, and Live's warnings; part of the `en` catalog. */
export const peopleEn = {
  'people.why': 'Pick the same name every time you record: training then tests on people it has not seen, so the score is honest.',
  'people.someoneNew': 'Someone new',
  'people.newName': 'New person’s name',
  'people.recordingBy': 'Recording “{label}” by {person}',
  'people.stalled': 'Stalled for {seconds} s: no readings are arriving. This is counted as a gap.',
  'people.stalls': 'Gaps',
  'people.noRecordings': 'No recordings yet: record one, or load the demo dataset on the Data page.',
  'people.toData': 'Go to Data',
  'people.trainedOn': '“{recording}” was part of this model’s training data: it has seen this motion, so it will look better here than on motion it has never seen.',
  'people.validatedOn': '“{recording}” was this model’s validation data (it chose when training stopped): the answers may look a little better than on new motion.',
};
