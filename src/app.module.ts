import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ConfigModule, type AppConfig } from './config/index.js';
import {
  ETagInterceptor,
  GraphqlApiModule,
  LifecycleModule,
  LoggerModule,
  ProblemFilter,
  ProblemValidationPipe,
  type Logger,
} from './common/index.js';
import { DatabaseModule } from './database/index.js';
import { ALL_ENTITIES } from './entities.js';
import { ApiKeysModule } from './api-keys/index.js';
import { AuditModule } from './audit/index.js';
import { AuthModule } from './auth/index.js';
import { CompaniesModule, CompaniesResolver } from './companies/index.js';
import { IdentityModule } from './identity/index.js';
import { OAuthModule } from './oauth/index.js';
import { HealthModule, HealthResolver } from './health/index.js';
import { IdempotencyModule } from './idempotency/index.js';
import { ProblemTypesModule } from './problem-types/index.js';
import { RateLimitsModule } from './rate-limits/index.js';
import {
  AccountsResolver,
  DimensionsResolver,
  LedgerModule,
  PeriodsResolver,
  VatCodesResolver,
} from './ledger/index.js';
import {
  PostingsFieldsResolver,
  VoucherMutationsResolver,
  VouchersModule,
  VouchersResolver,
} from './vouchers/index.js';
import { ReportsModule, ReportsResolver } from './reports/index.js';
import { EventsModule, EventsResolver } from './events/index.js';
import { JobsModule } from './jobs/index.js';
import { WebhookDeliveriesResolver, WebhookSubscriptionsResolver, WebhooksModule } from './webhooks/index.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: `DATABASE_URL`, or the embedded server main.ts started. */
  databaseUrl: string;
  logger: Logger;
  /** Tests may mount extra modules (e.g. probe routes) on the real application. */
  extraImports?: ModuleMetadata['imports'];
}

/**
 * The bounded contexts of the product, in one list. Their global interceptors run in this order
 * (after the guard, and after AppModule's own): the rate limiter before idempotency, so a
 * refused request is never kept or replayed.
 */
export const FEATURE_MODULES = [
  JobsModule,
  EventsModule,
  AuthModule,
  HealthModule,
  ProblemTypesModule,
  CompaniesModule,
  IdentityModule,
  OAuthModule,
  ApiKeysModule,
  AuditModule,
  RateLimitsModule,
  LedgerModule,
  VouchersModule,
  ReportsModule,
  WebhooksModule,
  IdempotencyModule,
];

/** Every GraphQL resolver, in one list: `graphql/schema.gql` is generated from it. */
export const GRAPHQL_RESOLVERS = [
  HealthResolver,
  CompaniesResolver,
  AccountsResolver,
  VatCodesResolver,
  PeriodsResolver,
  DimensionsResolver,
  VouchersResolver,
  VoucherMutationsResolver,
  PostingsFieldsResolver,
  ReportsResolver,
  EventsResolver,
  WebhookSubscriptionsResolver,
  WebhookDeliveriesResolver,
];

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggerModule.forRoot(options.logger),
        LifecycleModule,
        DatabaseModule.forRoot(options.config, options.databaseUrl, options.logger, ALL_ENTITIES),
        GraphqlApiModule.forRoot(options.config, options.logger),
        ...FEATURE_MODULES,
        ...(options.extraImports ?? []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: ProblemValidationPipe },
        // The outermost interceptor, so it also sees the bodies idempotency replays.
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
      ],
    };
  }
}
