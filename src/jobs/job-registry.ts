import { Injectable } from '@nestjs/common';

/** A task's handler: gets the job's payload; throwing makes the queue retry the job later. */
export type JobHandler = (payload: unknown, job: { id: string; attempts: number }) => Promise<void>;

/** Work a worker process runs all the time beside the queue (e.g. the event relay). */
export interface BackgroundLoop {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What worker processes run: contexts register their job handlers and loops here when their
 * module starts; the worker runtime reads the registry when it starts. The API process registers
 * the same things and runs them only when workers run in-process.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly loops: BackgroundLoop[] = [];

  registerTask(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job task ${name} is registered twice`);
    this.handlers.set(name, handler);
  }

  registerLoop(loop: BackgroundLoop): void {
    this.loops.push(loop);
  }

  tasks(): ReadonlyMap<string, JobHandler> {
    return this.handlers;
  }

  backgroundLoops(): readonly BackgroundLoop[] {
    return this.loops;
  }
}
