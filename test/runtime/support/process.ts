/**
 * Helpers of the process-level tests: the real `adapters/main.ts` started as a child process,
 * its output read line by line, and two small loopback proxies (an HTTP one that can hold a
 * method's calls, a TCP one that can take a database "down").
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { holdMethod, type Holds } from '../../fakes/holds.ts';
import { expect } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const mainPath = fileURLToPath(new URL('../../../adapters/main.ts', import.meta.url));
const tsxLoader = pathToFileURL(fileURLToPath(new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;

/** A started `adapters/main.ts`. */
/** A process's environment over the repository's fact base, with its own cache and SQLite database in `work`. */
export function repoEnv(work: string, today: string, extra: Record<string, string>): Record<string, string> {
  return {
    ...extra,
    PLANWATCH_KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
    PLANWATCH_SEEDS_DIR: join(repoRoot, 'seeds'),
    PLANWATCH_CACHE_DIR: join(work, 'cache'),
    PLANWATCH_TODAY: today,
    DATABASE_URL: `sqlite:${join(work, 'planwatch.db')}`,
    LOG_LEVEL: 'info',
  };
}

export interface MainProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first line of stdout or stderr matching `pattern`; rejects after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (signal exits as 128 + n are reported by Node as null: -1 here). */
  exited: Promise<number>;
  /** Kills the process if it still runs. */
  kill(): void;
}

/**
 * Starts `node --import tsx adapters/main.ts ...args` in `cwd` with exactly `env` (plus PATH),
 * so nothing from the developer's environment or a `.env` in the repository leaks in.
 */
export function startMain(args: string[], options: { cwd: string; env: Record<string, string> }): MainProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, mainPath, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: options.cwd, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const watchers = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const scan = () => {
    for (const w of [...watchers]) {
      const line = `${out}\n${err}`.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        watchers.delete(w);
        w.resolve(line);
      }
    }
  };
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
    scan();
  });
  child.stderr.on('data', (chunk) => {
    err += String(chunk);
    scan();
  });
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code) => resolve(code ?? -1));
    child.on('error', (error) => {
      err += `spawn failed: ${error.message}\n`;
      resolve(-2);
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForLine(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const w = {
          pattern,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          watchers.delete(w);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        watchers.add(w);
        scan();
      });
    },
    exited,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** The bound port from the runtime's `listening` log line. */
/** Stops `main` as an orchestrator does (SIGTERM) and checks it exits 0 without logging an error or a fatal. */
export async function expectCleanStop(main: MainProcess): Promise<void> {
  main.child.kill('SIGTERM');
  expect(await main.exited).toBe(0);
  expect(main.stdout()).not.toMatch(/"level":(50|60)/);
}

export async function listeningPort(main: MainProcess): Promise<number> {
  const line = await main.waitForLine(/"event":"listening"/);
  return (JSON.parse(line) as { port: number }).port;
}

/** An HTTP proxy on 127.0.0.1 in front of `target` that can hold every call whose path ends with `/method`. */
export interface HoldingProxy {
  url: string;
  /** Holds calls of `method` until `release()`; resolves `arrived` when the first one comes in. */
  hold(method: string): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const holds: Holds = new Map();
  const server: HttpServer = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? '').split('?')[0]!.split('/').pop() ?? '';
    const hold = holds.get(method);
    if (hold) {
      hold.arrived();
      await hold.gate;
    }
    try {
      const upstream = await fetch(`${target}${req.url ?? ''}`, {
        method: req.method ?? 'GET',
        headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(body);
    } catch {
      res.socket?.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(method) {
      return holdMethod(holds, method);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP proxy on 127.0.0.1 to `port` that can be taken down (every connection cut, new ones refused) and up again. */
export interface TcpProxy {
  port: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: TcpServer;
  let port = 0;
  const listen = async () => {
    server = createTcpServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  await listen();
  return { port, down: stop, up: listen, close: stop };
}
