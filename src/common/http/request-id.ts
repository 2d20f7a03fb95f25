import type { NextFunction, Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set for every request by `requestIdMiddleware`; echoed in `X-Request-Id`, logs and problems. */
    requestId: string;
  }
}

export const REQUEST_ID_HEADER = 'X-Request-Id';
// A caller's id is kept only if it is short and harmless in logs; otherwise we make our own.
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function newRequestId(): string {
  return `req_${uuidv7().replaceAll('-', '')}`;
}

export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get(REQUEST_ID_HEADER);
  req.requestId = incoming && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : newRequestId();
  res.setHeader(REQUEST_ID_HEADER, req.requestId);
  next();
}
