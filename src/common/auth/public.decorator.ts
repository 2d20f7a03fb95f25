import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'hovedbok:isPublic';
/** Marker read when the OpenAPI document is built: the operation is documented with `security: []`. */
export const PUBLIC_OPERATION_EXTENSION = 'x-hovedbok-public';

/**
 * Declares that a handler needs no credentials. Every handler declares either this or the
 * scope it needs; nothing is public by omission.
 */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
}
