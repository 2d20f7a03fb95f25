import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import {
  codeFromSlug,
  DomainError,
  ERROR_CATALOG,
  ERROR_CODES,
  problemTypeUri,
  type ErrorCode,
} from '../common/index.js';

export interface ProblemType {
  type: string;
  code: ErrorCode;
  title: string;
  status: number;
  description: string;
}

export class ProblemTypeNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(slug: string) {
    super(`No problem type is called ${slug}. GET /v1/problems lists them all.`);
  }
}

/** The error catalogue, published so that every problem `type` URI resolves to its description. */
@Injectable()
export class ProblemTypesService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  list(): ProblemType[] {
    return ERROR_CODES.map((code) => this.describe(code));
  }

  get(slug: string): ProblemType {
    const code = codeFromSlug(slug);
    if (!code) throw new ProblemTypeNotFoundError(slug);
    return this.describe(code);
  }

  private describe(code: ErrorCode): ProblemType {
    const { title, status, description } = ERROR_CATALOG[code];
    return { type: problemTypeUri(this.config.http.publicBaseUrl, code), code, title, status, description };
  }
}
