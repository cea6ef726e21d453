import { describe, expect, it } from 'vitest';
import { ImportError } from '../io/errors';
import { CodedError, hintOf, messageOf } from './coded-error';
import { loadCatalog } from './i18n';
import { en } from './messages.en';

describe('messageOf', () => {
  it('words a coded error in the language asked for, and in English as its message', async () => {
    await loadCatalog('es');
    const error = new CodedError('error.sensor.silent');
    expect(error.message).toBe(en['error.sensor.silent']);
    expect(messageOf(error)).toBe(en['error.sensor.silent']);
    expect(messageOf(error, 'es')).toMatch(/^No llegó ninguna lectura de movimiento en 2 s\./);
    expect(hintOf(error, 'es')).toBeUndefined();
  });

  it('words an import error through its own tables', async () => {
    await loadCatalog('es');
    const error = new ImportError('invalid-json', {}, { file: 'x.json' });
    expect(messageOf(error, 'es')).toBe('x.json: no es JSON válido.');
    expect(hintOf(error, 'es')).toBe('Puede que el archivo esté dañado o cortado; expórtalo de nuevo.');
  });

  it('words a full disk as the app does, also when it is the cause of an aborted write', async () => {
    await loadCatalog('es');
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(messageOf(quota)).toBe(en['error.store.full']);
    expect(messageOf(new Error('transaction aborted', { cause: quota }), 'es')).toMatch(/^El almacenamiento de este dispositivo para Motion Lab está lleno/);
    expect(hintOf(quota, 'es')).toMatch(/^Libera espacio/);
  });

  it('words a database closed by another tab', () => {
    const closing = new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", 'InvalidStateError');
    expect(messageOf(closing)).toBe(en['error.store.closed']);
  });

  it('gives anything else by its own message, a string as it is, other values as JSON', () => {
    expect(messageOf(new Error('no device'))).toBe('no device');
    expect(messageOf(new TypeError(''))).toBe('TypeError');
    expect(messageOf('plain')).toBe('plain');
    expect(messageOf({ code: 7 })).toBe('{"code":7}');
    expect(messageOf(undefined)).toBe('undefined');
  });
});
