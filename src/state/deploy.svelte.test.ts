import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tinyModel } from '../lib/deploy/tiny-model';
import type { StoredModel } from '../lib/model/record';
import { Deploy } from './deploy.svelte';
import { settings } from './settings.svelte';

const model = { ...tinyModel(), id: 'm', createdAt: 0, training: { seed: 1 } } as unknown as StoredModel;
const urls = { 'motion_lab.ino': '/sketch.ino', 'motion_lab_protocol.h': '/protocol.h', 'motion_lab_windows.h': '/windows.h' };
/** No recordings on this device: everything but the int8 build. */
const emptyStore = async () => ({ list: async () => [], readSamples: async () => ({ t: new Float64Array(), acc: new Float32Array(), gyro: null }) });

let made: string[];
let revoked: string[];
let saved: string[];
/** Stands in for the browser's download: says what was saved under which name. */
const save = (url: string, fileName: string) => void saved.push(`${url} ${fileName}`);

beforeEach(() => {
  made = [];
  revoked = [];
  saved = [];
  // jsdom has no object URLs; these stand in and say what was made and freed.
  URL.createObjectURL = (blob: Blob) => `blob:zip-${made.push(`${blob.type} ${blob.size}`)}`;
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  vi.stubGlobal('fetch', async (url: string) => new Response(`/* ${url} */`, { headers: { 'content-type': 'text/plain' } }));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Deploy', () => {
  it('makes the zip and its figures, frees the previous zip on a new export, and the last on dispose', async () => {
    const deploy = new Deploy(urls, emptyStore, save);
    const working = deploy.generate(model);
    expect(deploy.working).toBe(true);
    await working;
    expect(deploy.working).toBe(false);
    expect(deploy.error).toBeUndefined();
    expect(deploy.bundle?.float32.constBytes).toBeGreaterThan(0);
    expect(deploy.bundle?.int8).toBeUndefined();
    expect(deploy.zipUrl).toBe('blob:zip-1');
    expect(made[0]).toMatch(/^application\/zip \d+$/);
    // One click makes the zip and saves it.
    expect(saved).toEqual(['blob:zip-1 motion-model.zip']);
    await deploy.generate(model);
    expect(revoked).toEqual(['blob:zip-1']);
    expect(deploy.zipUrl).toBe('blob:zip-2');
    deploy.dispose();
    expect(revoked).toEqual(['blob:zip-1', 'blob:zip-2']);
    expect(deploy.zipUrl).toBeUndefined();
  });

  it('says why int8 is missing when the training recordings are not simply gone, and leaves "gone" to the page’s note', async () => {
    const deploy = new Deploy(urls, emptyStore, save);
    await deploy.generate(model);
    expect(deploy.int8Reason).toMatch(/^No int8 build in this export: .*saved before models kept which ones those were\./);
    const trainedOn = { train: [{ id: 'r1', name: 'walking 1', label: 'walking', sampleCount: 500 }], validation: [], test: [], fingerprint: '0' };
    await deploy.generate({ ...model, trainedOn });
    expect(deploy.bundle?.int8).toBeUndefined();
    expect(deploy.int8Reason).toBeUndefined();
  });

  it('without a model, or with the sketch gone, says why in the user’s language and offers no zip', async () => {
    const deploy = new Deploy(urls, emptyStore, save);
    await deploy.generate(undefined);
    expect(deploy.error).toMatch(/train one first/);
    expect(deploy.zipUrl).toBeUndefined();
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    settings.locale = 'es';
    await vi.waitFor(() => expect(settings.locale).toBe('es'), { timeout: 15_000 });
    await deploy.generate(model);
    expect(deploy.error).toMatch(/^No se pudo leer el archivo motion_lab\.ino .*respondió 404/);
    expect(deploy.bundle).toBeUndefined();
    expect(deploy.zipUrl).toBeUndefined();
    expect(saved).toEqual([]);
    settings.locale = 'en';
    await vi.waitFor(() => expect(settings.locale).toBe('en'), { timeout: 15_000 });
  });
});
