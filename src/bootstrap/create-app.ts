import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppModuleOptions } from '../app.module.js';
import { NestPinoLogger } from '../common/index.js';
import { configureHttpPipeline, finishHttpPipeline } from './http-pipeline.js';
import { buildOpenApiDocument } from './openapi.js';
import { API_VERSION } from './version.js';

/**
 * Builds the whole application, ready to listen. main.ts, the tests and the benchmarks all
 * go through here, so they exercise the same pipeline.
 */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    abortOnError: false,
    logger: new NestPinoLogger(options.logger),
  });
  configureHttpPipeline(app, options.config, options.logger);
  const document = buildOpenApiDocument(app, options.config.http.publicBaseUrl, API_VERSION);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    customSiteTitle: 'Hovedbok API reference',
    useGlobalPrefix: false,
    // Swagger UI would otherwise fetch a validity badge from an outside server.
    swaggerOptions: { validatorUrl: null },
  });
  await app.init();
  finishHttpPipeline(app, options.config, options.logger);
  return app;
}
