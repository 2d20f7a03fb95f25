export { ApiKey } from './api-key.entity.js';
export { ApiKeysModule } from './api-keys.module.js';
export { ApiKeysService, type VerifiedApiKey, type StoredApiKey } from './api-keys.service.js';
export { looksLikeApiKey, presentApiKey, type PresentedApiKey } from './api-key-format.js';
