/** The pages of the app, in workflow order. Learn has two lessons under it. */
export const routeIds = ['record', 'data', 'train', 'live', 'learn/regression', 'learn/digits'] as const;
export type RouteId = (typeof routeIds)[number];

export const defaultRoute: RouteId = 'record';

export type Route = { kind: 'page'; id: RouteId } | { kind: 'not-found'; path: string };

/**
 * Reads the page from a location hash. Hash routing keeps every page inside the one precached
 * `index.html`, so deep links work offline and on any static host.
 *
 * @example
 * parseHash('#/learn/digits') // { kind: 'page', id: 'learn/digits' }
 * parseHash('')               // { kind: 'page', id: 'record' }
 */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '').split('?')[0] ?? '';
  if (path === '') return { kind: 'page', id: defaultRoute };
  if (path === 'learn') return { kind: 'page', id: 'learn/regression' };
  const id = routeIds.find((candidate) => candidate === path);
  return id ? { kind: 'page', id } : { kind: 'not-found', path: `/${path}` };
}

export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}
