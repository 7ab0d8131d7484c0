/**
 * Route patterns of the tiny history router: '/evaluations/:id/edit' matches '/evaluations/42/edit' with
 * { id: '42' }; a trailing '*' matches the rest of the path. Pure, no DOM.
 */

export type RouteParams = Record<string, string>;

/** Split a path into its non-empty segments, decoding each. */
export function segments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The params when `path` matches `pattern`, else null. */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = segments(pattern);
  const have = segments(path.split(/[?#]/)[0] ?? '');
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === '*') {
      params['*'] = have.slice(i).join('/');
      return params;
    }
    const h = have[i];
    if (h === undefined) return null;
    if (w.startsWith(':')) params[w.slice(1)] = h;
    else if (w !== h) return null;
  }
  return have.length === want.length ? params : null;
}

/** Fill a pattern's params: buildPath('/evaluations/:id', { id: 'a b' }) → '/evaluations/a%20b'. */
export function buildPath(pattern: string, params: RouteParams = {}): string {
  const out = segments(pattern).map((s) => {
    if (!s.startsWith(':')) return s;
    const v = params[s.slice(1)];
    if (v === undefined) throw new Error(`缺少路由参数 ${s.slice(1)}`);
    return encodeURIComponent(v);
  });
  return `/${out.join('/')}`;
}

/** Query string → record (last value wins). */
export function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)) out[k] = v;
  return out;
}

/** The first route (in order) that matches the path, with its params. */
export function findRoute<R extends { path: string }>(
  routes: readonly R[],
  path: string,
): { route: R; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
