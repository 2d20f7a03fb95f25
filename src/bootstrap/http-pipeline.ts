import { RequestMethod, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/index.js';
import { ATTACHMENT_CONTENT_TYPES } from '../vouchers/index.js';
import {
  accessLogMiddleware,
  mountGraphqlIde,
  REQUEST_ID_HEADER,
  requestIdMiddleware,
  sendProblem,
  ShutdownState,
  UnsupportedMediaTypeError,
  RouteNotFoundError,
  type Logger,
} from '../common/index.js';

export const API_PREFIX = 'v1';
const JSON_TYPES = ['application/json', 'application/*+json'];

// A body that is not JSON is refused before parsing, instead of being silently ignored.
// OAuth endpoints speak HTML forms, as RFC 6749 requires; everything else speaks JSON.
const OAUTH_PATH = '/oauth/';
const FORM_TYPE = 'application/x-www-form-urlencoded';

// Voucher attachments are uploaded as the file itself (application/pdf, image/png, ...).
const ATTACHMENT_UPLOAD = /^\/v1\/vouchers\/[^/]+\/attachments\/?$/;

function isAttachmentUpload(req: Request): boolean {
  return req.method === 'POST' && ATTACHMENT_UPLOAD.test(req.path) && !!req.is(ATTACHMENT_CONTENT_TYPES);
}

function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || req.is(JSON_TYPES) || isAttachmentUpload(req)) return next();
  if (req.path.startsWith(OAUTH_PATH) && req.is(FORM_TYPE)) return next();
  const sent = req.headers['content-type'] ?? 'none';
  next(new UnsupportedMediaTypeError(`Content-Type ${sent} is not supported here; send application/json.`));
}

function closeConnectionsWhenShuttingDown(shutdown: ShutdownState) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    if (shutdown.isShuttingDown) res.setHeader('Connection', 'close');
    next();
  };
}

/**
 * Everything between the socket and the Nest router, in order: request id, access log,
 * security headers, CORS, media type and body size checks, JSON parsing, the GraphQL IDE.
 */
export function configureHttpPipeline(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  app.disable('x-powered-by');
  // req.ip is the client's address (per-address rate limits) only behind proxies named here.
  app.set('trust proxy', config.http.trustProxy);
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware(logger));
  app.use(closeConnectionsWhenShuttingDown(app.get(ShutdownState)));
  app.use(helmet());
  const origins = config.http.corsOrigins;
  if (origins === '*' || origins.length > 0) {
    app.enableCors({
      origin: origins,
      exposedHeaders: [
        REQUEST_ID_HEADER,
        'ETag',
        'Location',
        'Retry-After',
        'RateLimit',
        'RateLimit-Policy',
        'Idempotent-Replayed',
      ],
      maxAge: 600,
    });
  }
  app.use(requireJsonBodies);
  // Only attachment uploads get this far with these types; everything else was refused above.
  app.use(express.raw({ limit: config.http.attachmentLimitBytes, type: ATTACHMENT_CONTENT_TYPES }));
  app.use(express.json({ limit: config.http.bodyLimitBytes, type: JSON_TYPES, strict: false }));
  app.use(
    OAUTH_PATH,
    express.urlencoded({ extended: false, limit: config.http.bodyLimitBytes, type: FORM_TYPE }),
  );
  mountGraphqlIde(app.getHttpAdapter().getInstance());
  // Errors raised above (415, 413, malformed JSON) leave as problems too.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    sendProblem(error, req, res, config.http, logger);
  });
  applyGlobalPrefix(app);
}

/**
 * Puts every route under `/v1`, except the probes, which load balancers call unversioned, and
 * the OAuth endpoints.
 * Separate from the pipeline so the contract generator can apply it to an app that never starts.
 */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // OAuth 2 endpoints and metadata live at the origin's root, where clients look for them.
      { path: 'oauth/{*path}', method: RequestMethod.ALL },
      { path: '.well-known/{*path}', method: RequestMethod.ALL },
    ],
  });
}

/**
 * Appended after Nest's routes: Nest answers unknown paths under /v1 itself, but not the rest
 * (/, /docs/x, /graphiql/x), which would otherwise get Express's HTML page.
 */
export function finishHttpPipeline(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  app.use((req: Request, res: Response) => {
    sendProblem(
      new RouteNotFoundError(req.method, req.originalUrl.split('?')[0] ?? req.url),
      req,
      res,
      config.http,
      logger,
    );
  });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    sendProblem(error, req, res, config.http, logger);
  });
}
