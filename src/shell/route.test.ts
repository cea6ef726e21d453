import { describe, expect, test } from 'vitest';
import { hrefFor, parseHash, routeIds } from './route';

describe('parseHash', () => {
  test('an empty hash opens Record, the first step of the workflow', () => {
    expect(parseHash('')).toEqual({ kind: 'page', id: 'record' });
    expect(parseHash('#/')).toEqual({ kind: 'page', id: 'record' });
  });

  test('every page round-trips through its link', () => {
    for (const id of routeIds) expect(parseHash(hrefFor(id))).toEqual({ kind: 'page', id });
  });

  test('tolerates a missing slash, a trailing slash and a query', () => {
    expect(parseHash('#train')).toEqual({ kind: 'page', id: 'train' });
    expect(parseHash('#/learn/digits/')).toEqual({ kind: 'page', id: 'learn/digits' });
    expect(parseHash('#/live?model=3')).toEqual({ kind: 'page', id: 'live' });
  });

  test('Learn alone opens its first lesson', () => {
    expect(parseHash('#/learn')).toEqual({ kind: 'page', id: 'learn/regression' });
  });

  test('anything else is not found, with the path to show', () => {
    expect(parseHash('#/settings')).toEqual({ kind: 'not-found', path: '/settings' });
    expect(parseHash('#/learn/chess')).toEqual({ kind: 'not-found', path: '/learn/chess' });
  });
});
