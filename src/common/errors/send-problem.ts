import type { Request, Response } from 'express';
import type { Logger } from '../logging/logger.js';
import { DomainError } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, toProblem, type Problem } from './problem.js';

export interface ProblemSettings {
  publicBaseUrl: string;
  bodyLimitBytes: number;
}

/**
 * The problem an error becomes on this request. Also used to record a refusal for replay
 * (idempotency), so the stored body is the one the client was sent.
 */
export function problemOf(
  error: unknown,
  req: Request,
  settings: ProblemSettings,
): { problem: Problem; isInternal: boolean } {
  return toProblem(error, {
    instance: req.originalUrl.split('?')[0] ?? req.url,
    requestId: req.requestId,
    ...settings,
  });
}

/**
 * The one place an error becomes an HTTP response. Used by the Nest exception filter and by
 * the Express error handler that catches what fails before Nest routes the request.
 */
export function sendProblem(
  error: unknown,
  req: Request,
  res: Response,
  settings: ProblemSettings,
  logger: Logger,
) {
  const { problem, isInternal } = problemOf(error, req, settings);
  if (isInternal) {
    // Logged once, here, with the stack; the client only sees the request id.
    logger.error({ requestId: req.requestId, err: error }, 'unhandled error');
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof DomainError && error.headers) res.set(error.headers);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
