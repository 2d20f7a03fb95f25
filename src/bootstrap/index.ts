export { createApp } from './create-app.js';
export { ensureDemoCompany } from './demo-company.js';
export { shutDownGracefully } from './graceful-shutdown.js';
export { buildOpenApiDocument, sortKeys } from './openapi.js';
export { API_PREFIX, applyGlobalPrefix } from './http-pipeline.js';
export { API_VERSION } from './version.js';
