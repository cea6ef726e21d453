import { describe, expect, test } from 'vitest';
import { CodedError } from '../lib/i18n/coded-error';
import { loadCatalog } from '../lib/i18n/i18n';
import { describeError } from './errors';

const context = {
  appVersion: '1.2.3',
  url: 'https://lab.example/#/train',
  userAgent: 'TestBrowser/1',
  time: new Date('2026-01-02T03:04:05Z'),
  locale: 'en' as const,
};

describe('describeError', () => {
  test('an Error gives its message, and details with stack, cause and context', () => {
    const error = new TypeError('x is undefined', { cause: new Error('disk full') });
    const report = describeError(error, context);
    expect(report.message).toBe('x is undefined');
    expect(report.details).toContain('Motion Lab 1.2.3');
    expect(report.details).toContain('Time: 2026-01-02T03:04:05.000Z');
    expect(report.details).toContain('Page: https://lab.example/#/train');
    expect(report.details).toContain('Browser: TestBrowser/1');
    expect(report.details).toContain('TypeError: x is undefined');
    expect(report.details).toContain('errors.test.ts');
    expect(report.details).toContain('Cause: disk full');
  });

  test('a thrown string or object is readable too', () => {
    expect(describeError('no device', context).message).toBe('no device');
    expect(describeError({ code: 7 }, context).message).toBe('{"code":7}');
    expect(describeError(undefined, context).message).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic, context).message).toBe('[object Object]');
  });

  test('a coded error is shown in the reader’s language; the details for a bug report stay in English', async () => {
    await loadCatalog('es');
    const error = new CodedError('error.replay.empty', { device: 'walking 1' });
    const report = describeError(error, { ...context, locale: 'es' });
    expect(report.message).toBe(error.wordIn('es'));
    expect(report.message).not.toBe(error.message);
    expect(report.details).toContain(`CodedError: ${error.message}`);
  });
});
