export { WorkerProcess } from './worker-process.entity.js';
export { JobsModule } from './jobs.module.js';
export { JobRegistry, type BackgroundLoop, type JobHandler } from './job-registry.js';
export { WorkerRuntime } from './worker-runtime.js';
