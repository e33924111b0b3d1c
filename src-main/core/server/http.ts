import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contract, EVENT_NAMES, EVENTS_ROUTE, type OperationName } from '../../../src-shared/contract.js';
import { HTTP_STATUS, RapportError, toErrorBody, type ErrorBody } from '../../../src-shared/errors.js';
import type { CoreContext } from '../context.js';
import { failureKeys, FailedAuthLimiter, hostAllowed, presentedToken, tokenMatches } from './auth.js';
import { compileRoutes, matchRoute } from './routes.js';
import { MIME, PANEL_CSP } from './static-files.js';

export { PANEL_CSP };

export const MAX_BODY_BYTES = 1024 * 1024;
/** Live event streams open at once (panel tabs, scripts); one more is refused rather than starving the app. */
export const MAX_SSE_CLIENTS = 16;
/** Bytes an event stream may have waiting for a client that does not read; past it the client is dropped. */
export const MAX_SSE_BACKLOG_BYTES = 256 * 1024;
export const SSE_HEARTBEAT_MS = 15_000;

export interface ServerOptions {
  ctx: CoreContext;
  call: (name: OperationName, input: unknown) => Promise<unknown>;
  /** For `contentType` operations: the answer in chunks, written as they come (large CSV exports). */
  stream?: (name: OperationName, input: unknown) => Promise<Iterable<string> | AsyncIterable<string>>;
  /** The API token, read on every request so a rotation takes effect at once. */
  apiKey: string | (() => string);
  host: string;
  port: number;
  staticDir?: string;
  ready: () => Promise<{ ok: boolean; checks: Record<string, { ok: boolean; code: string }> }>;
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

/**
 * A body is read as JSON in UTF-8, uncompressed. A body declared in another charset, compressed, or sent as
 * multipart is refused before it is read (415); any other content type is parsed and refused if it is
 * not JSON (400), so `curl -d '{…}'` works as scripters expect.
 */
function checkBodyEncoding(req: IncomingMessage): void {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new BodyError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${JSON.stringify(encoding.slice(0, 40))} is not accepted; send the body uncompressed.`);
  }
  const type = req.headers['content-type'];
  if (!type) return;
  const [mime = '', ...params] = type.split(';').map((p) => p.trim().toLowerCase());
  if (mime.startsWith('multipart/')) {
    throw new BodyError('UNSUPPORTED_MEDIA_TYPE', `The body must be JSON (Content-Type: application/json), not ${JSON.stringify(mime.slice(0, 80))}.`);
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BodyError('UNSUPPORTED_MEDIA_TYPE', `The body must be UTF-8 (got charset ${JSON.stringify(charset.slice(0, 40))}).`);
  }
}

/** Deeper JSON than any request needs: refused before parsing, so no recursive walker can overflow. */
export const MAX_JSON_DEPTH = 64;

function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new RapportError('VALIDATION_FAILED', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`, {
      issues: [{ field: '(body)', reason: `must not be nested more than ${MAX_JSON_DEPTH} levels deep` }],
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RapportError('INVALID_JSON', `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Writes chunks as the client reads them (waits on 'drain'), so a big export never piles up in memory. */
async function writeChunks(res: ServerResponse, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise<void>((resolveDrain) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolveDrain();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  res.end();
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
    const presented = presentedToken(req);
    // A valid token always works, whatever others tried before: a lockout must not lock the user out.
    const apiKey = typeof options.apiKey === 'function' ? options.apiKey() : options.apiKey;
    if (tokenMatches(presented, apiKey)) return true;
    const keys = failureKeys(clientOf(req), presented);
    const locked = limiter.lockedFor(...keys);
    if (locked > 0) {
      sendError(
        res,
        { code: 'TOO_MANY_ATTEMPTS', message: `Too many wrong tokens were tried; wrong attempts are refused for ${locked} s.` },
        { 'retry-after': String(locked) },
      );
      return false;
    }
    limiter.recordFailure(...keys);
    sendError(res, {
      code: 'UNAUTHORIZED',
      message: 'Missing or wrong API token: send it as X-API-Key or Authorization: Bearer.',
    });
    return false;
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    if (sseClients.size >= MAX_SSE_CLIENTS) {
      sendError(res, {
        code: 'TOO_MANY_CLIENTS',
        message: `${MAX_SSE_CLIENTS} live event streams are already open; close one and try again.`,
      }, { 'retry-after': '10' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (text: string) => {
      // Ended (token rotated, server closing) but not yet unsubscribed: nothing more to write.
      if (res.writableEnded || res.destroyed) return;
      // A client that stopped reading is dropped, not buffered for without bound.
      if (res.writableLength > MAX_SSE_BACKLOG_BYTES) {
        ctx.logger.warn({ backlog: res.writableLength }, 'dropping an event stream client that does not read');
        res.destroy();
        return;
      }
      res.write(text);
    };
    send(': connected\n\n');
    const unsubscribe = EVENT_NAMES.map((name) =>
      ctx.events.on(name, (payload) => send(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => send(': ping\n\n'), SSE_HEARTBEAT_MS);
    sseClients.add(res);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe.forEach((off) => off());
      sseClients.delete(res);
    };
    req.on('close', cleanup);
    res.on('close', cleanup);
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
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendError(res, { code: 'VALIDATION_FAILED', message: 'The request path is not a valid URL path.' });
      return 'unmatched';
    }
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
      if (match === 'bad-path') {
        sendError(res, {
          code: 'VALIDATION_FAILED',
          message: `The path ${pathname.slice(0, 200)} has an invalid percent-encoded character.`,
          details: { issues: [{ field: '(path)', reason: 'is not valid percent-encoding' }] },
        });
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
          checkBodyEncoding(req);
          const body = parseJsonBody(await readBody(req));
          if (typeof body !== 'object' || body === null || Array.isArray(body)) {
            throw new RapportError('VALIDATION_FAILED', 'The request body must be a JSON object.', {
              issues: [{ field: '(body)', reason: 'must be a JSON object' }],
            });
          }
          input = { ...(body as Record<string, unknown>), ...params };
        }
        const entry = contract[route.name];
        if (entry.contentType && options.stream) {
          // Input errors surface before the first byte, as JSON errors; after it, a failure cuts the answer short.
          const chunks = await options.stream(route.name, input);
          res.writeHead(entry.successStatus ?? 200, {
            'content-type': entry.contentType,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          await writeChunks(res, chunks);
          return route.template;
        }
        const output = await options.call(route.name, input);
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
        if (res.headersSent) res.destroy();
        else sendError(res, body);
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
        // Counted once, when the answer is complete: 'finish' may already be queued, or may come later (streams).
        let counted = false;
        const count = () => {
          if (counted) return;
          counted = true;
          ctx.metrics.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
        };
        res.once('finish', count);
        if (res.writableFinished) count();
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
