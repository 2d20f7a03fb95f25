import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { LOGGER } from '../logging/logger.module.js';
import type { Logger } from '../logging/logger.js';
import { sendProblem } from './send-problem.js';

/** Global filter: every error on a REST route leaves as `application/problem+json`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  catch(error: unknown, host: ArgumentsHost): unknown {
    // GraphQL errors are shaped by Apollo's formatError (see graphql-errors.ts).
    if (host.getType<string>() === 'graphql') return error;
    const http = host.switchToHttp();
    sendProblem(
      error,
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      this.config.http,
      this.logger,
    );
    return undefined;
  }
}
