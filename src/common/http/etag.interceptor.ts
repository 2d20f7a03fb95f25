import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { etagOf, versionOf } from './etag.js';

/**
 * Gives every REST response that is one versioned resource (a body with an integer `version`)
 * its strong ETag, so handlers need not. Conditional GETs come with it: Express's `res.send`
 * answers 304 Not Modified with no body when `If-None-Match` names the ETag set here, before
 * anything is written. The handler has run by then; what a 304 saves is the transfer.
 */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const version = versionOf(body);
        if (version !== undefined && !res.headersSent) res.setHeader('ETag', etagOf(version));
      }),
    );
  }
}
