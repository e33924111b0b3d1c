import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contract, EVENT_NAMES, EVENTS_ROUTE, type OperationName } from '../../../src-shared/contract.js';
import { HTTP_STATUS, RapportError, toErrorBody, type ErrorBody } from '../../../src-shared/errors.js';
import type { CoreContext } from '../context.js';
import { FailedAuthLimiter, hostAllowed, presentedToken, tokenMatches } from './auth.js';
import { compileRoutes, matchRoute } from './routes.js';
import { MIME, PANEL_CSP } from './static-files.js';

export { PANEL_CSP };

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  ctx: CoreContext;
  call: (name: OperationName, input: unknown) => Promise<unknown>;
  /** The API token, read on every request so a rotation takes effect at once. */
  apiKey: string | (() => string);
  host: string;
  port: number;
  staticDir?: string;
  ready: () => Promise<{ ok: boolean; checks: Record<string, { ok: boolean; detail: string }> }>;
  now?: () => number;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  /** Ends the open event streams (after a token rotation, so a stream opened with the old token stops). */
  endEventStreams(): void;
  close(): Promise<void>;
}


function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: ErrorBody, headers: Record<string, string> = {}): void {
  sendJson(res, HTTP_STATUS[error.code] ?? 500, { error }, headers);
}

class BodyError extends RapportError {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new BodyError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new BodyError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const buffer = Buffer.concat(chunks);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      try {
        resolveBody(text.decode(buffer));
      } catch {
        reject(new BodyError('INVALID_JSON', 'The request body is not valid UTF-8.'));
      }
    });
    req.on('error', reject);
  });
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RapportError('INVALID_JSON', `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

function clientOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { ctx } = options;
  const routes = compileRoutes();
  const limiter = new FailedAuthLimiter(10, 15 * 60_000, options.now ?? Date.now);
  const started = Date.now();
  const staticRoot = options.staticDir && existsSync(options.staticDir) ? resolve(options.staticDir) : null;
  const sseClients = new Set<ServerResponse>();

  const authorise = (req: IncomingMessage, res: ServerResponse): boolean => {
    const client = clientOf(req);
    const locked = limiter.lockedFor(client);
    if (locked > 0) {
      sendError(
        res,
        { code: 'TOO_MANY_ATTEMPTS', message: `Too many failed attempts; try again in ${locked} s.` },
        { 'retry-after': String(locked) },
      );
      return false;
    }
    const apiKey = typeof options.apiKey === 'function' ? options.apiKey() : options.apiKey;
    if (!tokenMatches(presentedToken(req), apiKey)) {
      limiter.recordFailure(client);
      sendError(res, {
        code: 'UNAUTHORIZED',
        message: 'Missing or wrong API token: send it as X-API-Key or Authorization: Bearer.',
      });
      return false;
    }
    return true;
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = EVENT_NAMES.map((name) =>
      ctx.events.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    sseClients.add(res);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe.forEach((off) => off());
      sseClients.delete(res);
    });
  };

  const serveStatic = (pathname: string, res: ServerResponse): boolean => {
    if (!staticRoot) return false;
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    } catch {
      return false;
    }
    let file = resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return false;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (extname(pathname)) return false;
      file = join(staticRoot, 'index.html');
      if (!existsSync(file)) return false;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': PANEL_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'public, max-age=3600',
    });
    createReadStream(file).pipe(res);
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    if (!hostAllowed(req.headers.host, options.host)) {
      sendError(res, { code: 'FORBIDDEN_HOST', message: 'This server only answers requests addressed to localhost.' });
      return 'forbidden_host';
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const pathname = url.pathname;

    if (method === 'GET' && pathname === '/health') {
      sendJson(res, 200, { status: 'ok', version: ctx.version, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
      return '/health';
    }
    if (method === 'GET' && pathname === '/ready') {
      const report = await options.ready();
      const failing = Object.entries(report.checks)
        .filter(([, c]) => !c.ok)
        .map(([name]) => name);
      sendJson(res, report.ok ? 200 : 503, {
        status: report.ok ? 'ready' : 'not-ready',
        failing,
        checks: report.checks,
        quotaStore: ctx.quotas.storeKind(),
      });
      return '/ready';
    }
    if (method === 'GET' && pathname === '/metrics') {
      const text = await ctx.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': ctx.metrics.registry.contentType });
      res.end(text);
      return '/metrics';
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      if (!authorise(req, res)) return 'unauthorized';
      if (method === 'GET' && pathname === EVENTS_ROUTE) {
        serveEvents(req, res);
        return EVENTS_ROUTE;
      }
      const match = matchRoute(routes, method, pathname);
      if (match === null) {
        sendError(res, { code: 'NOT_FOUND', message: `No API route ${method} ${pathname}.` });
        return 'unmatched';
      }
      if (match === 'method-not-allowed') {
        sendError(res, { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed on ${pathname}.` });
        return 'unmatched';
      }
      const { route, params } = match;
      try {
        let input: Record<string, unknown>;
        if (method === 'GET' || method === 'DELETE') {
          input = { ...Object.fromEntries(url.searchParams), ...params };
        } else {
          const body = parseJsonBody(await readBody(req));
          if (typeof body !== 'object' || body === null || Array.isArray(body)) {
            throw new RapportError('VALIDATION_FAILED', 'The request body must be a JSON object.', {
              issues: [{ field: '(body)', reason: 'must be a JSON object' }],
            });
          }
          input = { ...(body as Record<string, unknown>), ...params };
        }
        const output = await options.call(route.name, input);
        const entry = contract[route.name];
        if (entry.contentType) {
          res.writeHead(entry.successStatus ?? 200, { 'content-type': entry.contentType, 'cache-control': 'no-store' });
          res.end(String(output));
        } else {
          sendJson(res, entry.successStatus ?? 200, output);
        }
      } catch (e) {
        const body = toErrorBody(e);
        if (body.code === 'INTERNAL') {
          ctx.metrics.errors.inc({ type: 'internal' });
          ctx.logger.error({ err: e, route: route.template }, 'request failed');
        }
        if (e instanceof BodyError) req.resume();
        sendError(res, body);
      }
      return route.template;
    }
    if ((method === 'GET' || method === 'HEAD') && serveStatic(pathname, res)) return 'static';
    sendError(res, { code: 'NOT_FOUND', message: `Nothing at ${pathname}.` });
    return 'unmatched';
  };

  const server = createServer((req, res) => {
    const stop = ctx.metrics.httpDuration.startTimer({ method: req.method ?? 'GET' });
    ctx.metrics.httpInProgress.inc();
    handle(req, res)
      .catch((e) => {
        ctx.logger.error({ err: e }, 'unhandled request error');
        if (!res.headersSent) sendError(res, toErrorBody(e));
        else res.end();
        return 'error';
      })
      .then((route) => {
        ctx.metrics.httpInProgress.dec();
        stop({ route });
        res.on('finish', () => ctx.metrics.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) }));
        if (res.writableFinished) ctx.metrics.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
      });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    host: address.address,
    endEventStreams() {
      for (const client of sseClients) client.end();
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const client of sseClients) client.end();
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}
