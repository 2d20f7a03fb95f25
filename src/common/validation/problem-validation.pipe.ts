import { Injectable, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RequestValidationError } from '../errors/domain-error.js';
import { toFieldErrors } from './field-errors.js';

class UnlocatedValidationFailure {
  constructor(readonly errors: ValidationError[]) {}
}

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

/**
 * The global pipe: unknown fields are rejected (not silently dropped), types are transformed
 * only where the DTO says so, and failures become one `VALIDATION_FAILED` problem whose
 * `errors[]` name each field by JSON pointer (body) or parameter name (path, query).
 */
@Injectable()
export class ProblemValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new UnlocatedValidationFailure(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && !PRIMITIVES.includes(metadata.metatype);
    if (isDto && metadata.type === 'body') this.assertJsonObject(value);
    try {
      return await super.transform(isDto && value === undefined ? {} : value, metadata);
    } catch (error) {
      if (error instanceof UnlocatedValidationFailure) {
        throw new RequestValidationError(toFieldErrors(error.errors, metadata.type));
      }
      throw error;
    }
  }

  private assertJsonObject(value: unknown): void {
    if (value === undefined) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new RequestValidationError([{ pointer: '', detail: 'must be a JSON object', rule: 'isObject' }]);
    }
  }
}
