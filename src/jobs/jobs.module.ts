import { Global, Module } from '@nestjs/common';
import { JobRegistry } from './job-registry.js';
import { WorkerRuntime } from './worker-runtime.js';

@Global()
@Module({ providers: [JobRegistry, WorkerRuntime], exports: [JobRegistry, WorkerRuntime] })
export class JobsModule {}
