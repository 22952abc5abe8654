/**
 * The one HTTP server of a process: health, readiness, metrics, and the routes
 * the chat surfaces mount (Slack's `/slack/events`, the Telegram webhook).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InFlightTracker } from './lifecycle.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

/** A route handler in node:http's shape. It owns the request body and the response. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One readiness condition: resolves null when fine, or the reason it is not. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<string | null> | string | null;
}

/** Options of `createHttpServer`. */
export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  /** Conditions of `/readyz`, checked in parallel on every request. */
  checks: ReadinessCheck[];
  /** True once shutdown started: `/readyz` and mounted routes answer 503. */
  draining: () => boolean;
  /** Mounted routes' requests are tracked here until their response is done. */
  tracker: InFlightTracker;
  /** Longest a readiness check may take before it counts as failed. Default 2000. */
  checkTimeoutMs?: number;
}

/** The running server. */
export interface HttpServer {
  readonly server: Server;
  /** Serves `handler` at exactly `path` (any method). A path may be mounted once. */
  mount(path: string, handler: HttpHandler): void;
  /** Starts listening; port 0 picks a free port. Resolves with the bound port. Default host: all interfaces. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections, lets responses in progress finish (up to `graceMs`, default 5000), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Answer of `/readyz`. */
export interface Readiness {
  status: 'ready' | 'not ready';
  /** Each check's result: `ok` or the reason. */
  checks: Record<string, string>;
  /** The failing checks as `name: reason`, empty when ready. */
  reasons: string[];
}

function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(head ? undefined : text);
}

const withTimeout = <T>(work: Promise<T>, ms: number, fallback: T): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

/** Runs readiness checks in parallel; a throwing or slow check counts as failed. */
export async function checkReadiness(checks: ReadinessCheck[], timeoutMs = 2000): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      const outcome = await withTimeout(
        Promise.resolve()
          .then(check)
          .catch((error: unknown) => (error instanceof Error ? error.message : String(error)) || 'check failed'),
        timeoutMs,
        `no answer within ${timeoutMs} ms`,
      );
      return [name, outcome] as const;
    }),
  );
  const reasons = results.filter(([, r]) => r !== null).map(([name, r]) => `${name}: ${r}`);
  return {
    status: reasons.length === 0 ? 'ready' : 'not ready',
    checks: Object.fromEntries(results.map(([name, r]) => [name, r ?? 'ok'])),
    reasons,
  };
}

/**
 * Creates the server (not yet listening). Built-in routes: `GET /healthz` (200 while the process
 * runs), `GET /readyz` (200 or 503 with reasons), `GET /metrics` (Prometheus text). Anything else
 * not mounted is 404.
 *
 * @example
 * const http = createHttpServer({ logger, metrics, checks, draining: () => lifecycle.draining, tracker });
 * http.mount('/slack/events', slack.handleRequest);
 * const port = await http.listen(3000);
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, metrics, tracker } = options;
  const routes = new Map<string, HttpHandler>();

  const builtIn: Record<string, (req: IncomingMessage, res: ServerResponse, head: boolean) => Promise<void> | void> = {
    '/healthz': (_req, res, head) => sendJson(res, 200, { status: 'alive' }, head),
    '/readyz': async (_req, res, head) => {
      if (options.draining()) {
        sendJson(res, 503, { status: 'not ready', checks: {}, reasons: ['shutting down'] } satisfies Readiness, head);
        return;
      }
      const readiness = await checkReadiness(options.checks, options.checkTimeoutMs);
      sendJson(res, readiness.status === 'ready' ? 200 : 503, readiness, head);
    },
    '/metrics': async (_req, res, head) => {
      const text = await metrics.render();
      res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text) });
      res.end(head ? undefined : text);
    },
  };

  const serveMounted = (handler: HttpHandler, req: IncomingMessage, res: ServerResponse): void => {
    if (options.draining()) {
      res.setHeader('connection', 'close');
      sendJson(res, 503, { error: 'shutting down' });
      req.resume();
      return;
    }
    const finished = new Promise<void>((resolve) => res.once('close', resolve));
    const handled = Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, path: req.url }, 'http: handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
    void tracker.track(Promise.all([handled, finished]));
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const mounted = routes.get(path);
    if (mounted) {
      serveMounted(mounted, req, res);
      return;
    }
    const route = builtIn[path];
    if (!route) {
      sendJson(res, 404, { error: 'not found', path });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    Promise.resolve(route(req, res, req.method === 'HEAD')).catch((error: unknown) => {
      logger.error({ err: error, path }, 'http: built-in route failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  });

  return {
    server,
    mount(path, handler) {
      if (routes.has(path) || path in builtIn) {
        throw Object.assign(new Error(`http: path "${path}" is already served`), { code: 'HTTP_PATH_TAKEN' });
      }
      routes.set(path, handler);
    },
    listen(port, host) {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close(graceMs = 5000) {
      if (!server.listening) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        // A keep-alive connection turns idle when its response ends; close those as they appear.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
