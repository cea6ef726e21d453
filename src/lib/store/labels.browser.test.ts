import { beforeEach, describe, expect, test } from 'vitest';
import { useTemporaryStore, withOtherTab } from '../../../test/support/temporary-store';
import { messageOf } from '../i18n/coded-error';
import { loadCatalog } from '../i18n/i18n';
import type { MotionStore } from './motion-store';
import type { Recording } from './recording';
import { recordingFor } from './recordings';

/** Recording `id` labelled walking, as the recorder writes its row: in progress unless said otherwise. */
function walking(id: string, name: string, interrupted = true): Recording {
  const empty = { t: new Float64Array(0), acc: new Float32Array(0), gyro: null };
  return { ...recordingFor(empty, { id, name, label: 'walking', group: '', source: 'phone', device: 'This phone', startedAt: 1_700_000_000_000 }), interrupted };
}

const currentStore = useTemporaryStore('labels');
let here: MotionStore;

beforeEach(() => {
  here = currentStore();
});

describe('renaming a label while a recording with it is in progress', () => {
  test('is refused in another tab, all or nothing, saying which recording and what to do; once it stops, the rename relabels it', async () => {
    await here.begin(walking('done', 'walking 1', false));
    await here.finish(walking('done', 'walking 1', false));
    await here.begin(walking('running', 'walking 2'));
    await withOtherTab(here, async (other) => {
      const error: unknown = await other.labels.rename('walking', 'strolling').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'error.label.recording-elsewhere' });
      expect(messageOf(error)).toBe('“walking” cannot be renamed while “walking 2” is being recorded with it in another tab: stop that recording, then rename the label.');
      await loadCatalog('es');
      expect(messageOf(error, 'es')).toBe('«walking» no se puede renombrar mientras «walking 2» se está grabando con esa etiqueta en otra pestaña: detén esa grabación y luego renombra la etiqueta.');
    });
    // Nothing was relabelled, not even the finished recording.
    expect(await here.labels.list()).toContain('walking');
    expect((await here.list()).map((recording) => recording.label)).toEqual(['walking', 'walking']);

    await here.finish(walking('running', 'walking 2', false));
    await withOtherTab(here, (other) => other.labels.rename('walking', 'strolling'));
    expect(await here.labels.list()).toContain('strolling');
    expect(await here.labels.list()).not.toContain('walking');
    expect((await here.list()).map((recording) => recording.label)).toEqual(['strolling', 'strolling']);
  });

  test('is refused in its own tab too, until it stops', async () => {
    await here.begin(walking('running', 'walking 1'));
    await expect(here.labels.rename('walking', 'strolling')).rejects.toMatchObject({ code: 'error.label.recording-here' });
    await here.finish(walking('running', 'walking 1', false));
    expect(await here.labels.rename('walking', 'strolling')).toBe('strolling');
    expect(await here.get('running')).toMatchObject({ label: 'strolling' });
  });

  test('other labels rename freely meanwhile', async () => {
    await here.begin(walking('running', 'walking 1'));
    await withOtherTab(here, (other) => other.labels.rename('running', 'jogging'));
    expect(await here.labels.list()).toEqual(expect.arrayContaining(['walking', 'jogging']));
  });
});
