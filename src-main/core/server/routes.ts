import { contract, OPERATION_NAMES, type HttpMethod, type OperationName } from '../../../src-shared/contract.js';

export interface CompiledRoute {
  name: OperationName;
  method: HttpMethod;
  template: string;
  pattern: RegExp;
  params: string[];
}

/** One HTTP route per contract operation, compiled once. */
export function compileRoutes(): CompiledRoute[] {
  return OPERATION_NAMES.map((name) => {
    const { method, path } = contract[name];
    const params: string[] = [];
    const source = path
      .split('/')
      .map((part) => {
        if (part.startsWith(':')) {
          params.push(part.slice(1));
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { name, method, template: path, pattern: new RegExp(`^${source}/?$`), params };
  });
}

export interface RouteMatch {
  route: CompiledRoute;
  params: Record<string, string>;
}

/** `bad-path`: a path parameter is not valid percent-encoding (e.g. `/api/runs/%E0`): the client's fault, a 400. */
export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  pathname: string,
): RouteMatch | 'method-not-allowed' | 'bad-path' | null {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    try {
      route.params.forEach((p, i) => {
        params[p] = decodeURIComponent(m[i + 1]);
      });
    } catch {
      return 'bad-path';
    }
    return { route, params };
  }
  return pathMatched ? 'method-not-allowed' : null;
}
