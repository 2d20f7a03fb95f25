import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_RATE_LIMIT = 'hovedbok:publicRateLimit';
/** Read when the OpenAPI document is built: the operation documents its 429 and headers. */
export const PUBLIC_RATE_LIMIT_EXTENSION = 'x-hovedbok-public-rate-limit';

/**
 * Limits a `@Public()` handler per client address (the `public` policy, one bucket per address
 * and endpoint): for endpoints anyone can call that cost us something or invite guessing, such
 * as sign-up and the token endpoint. Authenticated handlers are limited without asking.
 */
export function PublicRateLimit(): MethodDecorator {
  return applyDecorators(
    SetMetadata(PUBLIC_RATE_LIMIT, true),
    ApiExtension(PUBLIC_RATE_LIMIT_EXTENSION, true),
  );
}
