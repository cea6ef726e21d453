import type { PostReply, RunRequest } from './messages';
import { startOnRecordings } from './read-recordings';
import { CodedError } from '../i18n/coded-error';
import { calibrateToPerson, calibrationCut, setLastLayer, takesFirst, trainedOnWithTake } from '../train/calibrate';
import { evaluate } from '../train/metrics';
import { loadModelArtifacts, modelArtifacts } from '../train/model-artifacts';

/**
 * "Calibrate to me", in the compute worker: the model given is adapted to one person on the first
 * `seconds` of each of their activities (from the takes named first, then from their recordings
 * oldest first), and scored before and after on the rest of theirs; the calibrated weights go back
 * for the page to keep as a new model, with what it learnt from: its source's recordings and the
 * take's.
 */
export async function runCalibrateRequest(request: RunRequest<'calibrate'>, _signal: AbortSignal, reply: PostReply<'calibrate'>): Promise<void> {
  const { id, person, seconds, take } = request;
  const { labels } = request.model.preprocessing;
  const recordings = await startOnRecordings(request.database, (status) => reply({ type: 'backend', id, status }));
  const theirs = recordings.filter(({ recording }) => recording.group === person && labels.includes(recording.label));
  const cut = calibrationCut(takesFirst(theirs, take), seconds);
  const model = await loadModelArtifacts(request.model.artifacts);
  try {
    const calibrated = calibrateToPerson(model, request.model.preprocessing, cut);
    if (calibrated.takeWindows === 0) throw new CodedError('error.calibration.no-take', { person, seconds });
    setLastLayer(model, calibrated.layer);
    const artifacts = await modelArtifacts(model);
    const scores = (predicted: number[]) => {
      const scored = evaluate(labels, calibrated.truth, predicted);
      return { accuracy: scored.accuracy, macroF1: scored.macroF1 };
    };
    reply(
      {
        type: 'done',
        id,
        result: {
          artifacts,
          ...(request.model.trainedOn && { trainedOn: trainedOnWithTake(request.model.trainedOn, cut.taken) }),
          before: scores(calibrated.before),
          after: scores(calibrated.after),
          takeWindows: calibrated.takeWindows,
          testWindows: calibrated.truth.length,
          take: cut.calibration.map(({ recording }) => recording.name),
          activities: [...new Set(cut.calibration.map(({ recording }) => recording.label))].sort(),
        },
      },
      [artifacts.weightData],
    );
  } finally {
    model.dispose();
  }
}
