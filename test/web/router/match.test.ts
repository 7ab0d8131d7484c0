import { describe, expect, it } from 'vitest';
import { buildPath, findRoute, matchPath, parseQuery } from '../../../web/src/router/match.js';

describe('route matching', () => {
  it('matches literal segments and params, ignoring query and trailing slashes', () => {
    expect(matchPath('/unit/evaluations/:id', '/unit/evaluations/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/unit/evaluations/:id', '/unit/evaluations/abc/?x=1')).toEqual({ id: 'abc' });
    expect(matchPath('/unit/evaluations/:id', '/unit/evaluations')).toBeNull();
    expect(matchPath('/unit/evaluations/:id', '/unit/evaluations/a/b')).toBeNull();
    expect(matchPath('/unit', '/unit')).toEqual({});
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/public/*', '/public/2024/x')).toEqual({ '*': '2024/x' });
    expect(matchPath('/a/:name', '/a/%E4%B8%AD%E6%96%87')).toEqual({ name: '中文' });
  });

  it('builds paths with encoded params', () => {
    expect(buildPath('/unit/evaluations/:id', { id: 'a b' })).toBe('/unit/evaluations/a%20b');
    expect(() => buildPath('/x/:id')).toThrow('缺少路由参数 id');
  });

  it('finds the first matching route', () => {
    const routes = [{ path: '/bureau/evaluations' }, { path: '/bureau/evaluations/:id' }, { path: '/bureau/*' }];
    expect(findRoute(routes, '/bureau/evaluations/9')).toEqual({ route: routes[1], params: { id: '9' } });
    expect(findRoute(routes, '/bureau/tasks')?.route).toBe(routes[2]);
    expect(findRoute(routes, '/unit')).toBeNull();
  });

  it('parses a query string', () => {
    expect(parseQuery('?year=2024&state=draft')).toEqual({ year: '2024', state: 'draft' });
    expect(parseQuery('')).toEqual({});
  });
});
