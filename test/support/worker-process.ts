import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const WORKER_ENTRY = path.resolve(import.meta.dirname, '../../dist/src/worker.js');

/** A `npm run worker` process (the built one) on a test database, its output kept for a failure message. */
export class WorkerProcess {
  readonly output: string[] = [];
  private exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
  }

  /** Starts a worker and resolves once it says it is running. */
  static async start(databaseUrl: string, env: Record<string, string>): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [WORKER_ENTRY], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const deadline = Date.now() + 30_000;
    while (!worker.output.join('').includes('Hovedbok worker is running')) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`the worker did not start:\n${worker.output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return worker;
  }

  /** kill -9: no shutdown hook runs, its jobs stay locked, its heartbeat just stops. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as an orchestrator stops it; resolves with the exit code. */
  async terminate(): Promise<number | null> {
    this.child.kill('SIGTERM');
    await this.exited;
    return this.child.exitCode;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}
