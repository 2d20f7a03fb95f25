import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger.js';

/** One structured line per request, written when the response is finished or aborted. */
export function accessLogMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const route = (req.route as { path?: string } | undefined)?.path;
      const line = {
        requestId: req.requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        route: route ? `${req.baseUrl}${route}` : undefined,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        aborted: !res.writableFinished || undefined,
      };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    };
    res.on('finish', write);
    res.on('close', write);
    next();
  };
}
