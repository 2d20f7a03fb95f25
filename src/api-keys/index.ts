export { ApiKey } from './api-key.entity.js';
export { ApiKeysModule } from './api-keys.module.js';
export { ApiKeysService, type VerifiedApiKey } from './api-keys.service.js';
export { looksLikeApiKey } from './api-key-format.js';
