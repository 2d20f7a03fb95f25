import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT, SERVER_ENTRY } from './paths.js';

const HOST = '127.0.0.1';
const KILL_AFTER_MS = 10_000;

export interface RunningServer {
  baseUrl: string;
  /** From spawning the process to the first 200 on /health/ready, migrations included. */
  startupMs: number;
  /** The server's process id, to sample its memory (undefined if the spawn failed). */
  pid: number | undefined;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. Safe to call twice. */
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exited(child: ChildProcess, withinMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, withinMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  child.kill('SIGTERM');
  if (await exited(child, KILL_AFTER_MS)) return;
  process.stderr.write(`server did not stop within ${KILL_AFTER_MS / 1000} s of SIGTERM: sending SIGKILL\n`);
  child.kill('SIGKILL');
  await exited(child, KILL_AFTER_MS);
}

function forwardOutput(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[server] ${line}\n`));
  }
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(
        `the server exited during startup (code ${child.exitCode}, signal ${child.signalCode})`,
      );
    }
    if (await isReady(baseUrl)) return;
    await sleep(50);
  }
  throw new Error(`the server did not answer 200 on /health/ready within ${timeoutMs / 1000} s`);
}

function spawnServer(
  databaseUrl: string,
  port: number,
  publicBaseUrl: string,
  overrides: Record<string, string>,
): ChildProcess {
  const defaults = {
    ...process.env,
    NODE_ENV: 'production',
    HOST,
    PORT: String(port),
    PUBLIC_BASE_URL: publicBaseUrl,
    DATABASE_URL: databaseUrl,
    MIGRATIONS_RUN: 'true',
    LOG_LEVEL: 'warn',
    // High enough that the bench measures what the limiter costs, never its refusals;
    // `RATE_LIMIT_PER_MINUTE=0 npm run bench` measures without it.
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE || '10000000',
  };
  const env = { ...defaults, ...overrides };
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/profiles" to profile the server
  // (NODE_OPTIONS refuses --cpu-prof); the profile is written when the server exits.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Last resort if this process dies without cleaning up: never leave the server behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  child.on('error', (error) => process.stderr.write(`[server] could not run: ${error.message}\n`));
  forwardOutput(child);
  return child;
}

/** Starts the built server on a free loopback port against `databaseUrl` and waits until it is ready. */
export async function startServer(
  databaseUrl: string,
  readyTimeoutMs: number,
  options: {
    // Another process of the same deployment: the public URL (the tokens' issuer) of the first.
    publicBaseUrl?: string;
    // Environment variables set over the defaults above (NODE_ENV, WORKERS_IN_PROCESS, ...).
    env?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const started = performance.now();
  const child = spawnServer(databaseUrl, port, options.publicBaseUrl ?? baseUrl, options.env ?? {});
  try {
    await waitUntilReady(baseUrl, child, readyTimeoutMs);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  const startupMs = performance.now() - started;
  return { baseUrl, startupMs, pid: child.pid, stop: () => stopProcess(child) };
}
