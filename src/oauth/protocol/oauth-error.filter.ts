import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { OAuthProtocolError } from './oauth-error.js';

/** Answers protocol errors of the token, revocation and introspection endpoints per RFC 6749 §5.2. */
@Catch(OAuthProtocolError)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(error: OAuthProtocolError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    if (error.status === 401) res.set('WWW-Authenticate', 'Basic realm="hovedbok", charset="UTF-8"');
    res.status(error.status).json({ error: error.error, error_description: error.description });
  }
}
