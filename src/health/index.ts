export { HealthModule } from './health.module.js';
export { HealthResolver } from './health.resolver.js';
