import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../support/paths.js';
import { stopProcess } from '../support/server.js';

/** The built worker process, as `npm run worker` runs it. */
const WORKER_ENTRY = path.join(PROJECT_ROOT, 'dist/src/worker.js');
const READY_LINE = 'Hovedbok worker is running';
const READY_TIMEOUT_MS = 60_000;

// The receiver listens on 127.0.0.1 over plain http, which the webhook target guard refuses
// unless WEBHOOK_ALLOW_HTTP and WEBHOOK_ALLOWED_PRIVATE_RANGES allow it, and the configuration
// refuses both when NODE_ENV=production. So the API server (it checks the URL of a new
// subscription) and the workers (they check it again at each delivery) of this suite run with
// NODE_ENV=development; the application reads NODE_ENV for nothing else.
export const WEBHOOK_PROCESS_ENV = {
  NODE_ENV: 'development',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOWED_PRIVATE_RANGES: '127.0.0.0/8',
};

export interface RunningWorker {
  label: string;
  pid: number | undefined;
  /** performance.now() when the process printed that it runs (the queue and the relay started). */
  readyAt: number;
  /** From spawning the process to its ready line. */
  startupMs: number;
  /** CPU time (user + system) the process has used so far; undefined without /proc. */
  cpuSeconds: () => number | undefined;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. Safe to call twice. */
  stop: () => Promise<void>;
}

// utime and stime of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
const CLOCK_TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

const LOUD_LEVELS = new Set(['warn', 'error', 'fatal']);

// The worker logs JSON lines at info (the ready line is one, hence LOG_LEVEL=info below): pass on
// warnings and errors, and anything that is not a log line (a crash's stack trace).
function isWorthForwarding(line: string): boolean {
  try {
    const { level } = JSON.parse(line) as { level?: unknown };
    return typeof level !== 'string' || LOUD_LEVELS.has(level);
  } catch {
    return true;
  }
}

function spawnWorker(databaseUrl: string, label: string): ChildProcess {
  // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/profiles" to profile the
  // workers; the profile is written when a worker exits (they are stopped with SIGTERM).
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, WORKER_ENTRY], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...WEBHOOK_PROCESS_ENV, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Last resort if this process dies without cleaning up: never leave a worker behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  child.on('error', (error) => process.stderr.write(`[${label}] could not run: ${error.message}\n`));
  createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`[${label}] ${line}\n`));
  return child;
}

function readyLine(child: ChildProcess, label: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not start within ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    );
    const onExit = (code: number | null, signal: string | null): void => {
      clearTimeout(timer);
      reject(new Error(`${label} exited during startup (code ${code}, signal ${signal})`));
    };
    child.once('exit', onExit);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes(READY_LINE)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(performance.now());
      } else if (isWorthForwarding(line)) process.stderr.write(`[${label}] ${line}\n`);
    });
  });
}

/** Starts `node dist/src/worker.js` against `databaseUrl` and waits for its ready line. */
export async function startWorker(databaseUrl: string, label: string): Promise<RunningWorker> {
  if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run \`npm run build\` first`);
  const started = performance.now();
  const child = spawnWorker(databaseUrl, label);
  let readyAt: number;
  try {
    readyAt = await readyLine(child, label);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    label,
    pid: child.pid,
    readyAt,
    startupMs: readyAt - started,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: () => stopProcess(child),
  };
}
