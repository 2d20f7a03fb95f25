// Every entity of every context, in one list, so the app, the migration commands and the tests
// agree. It lives beside app.module.ts, not in database/, because it imports the contexts.
import { ApiKey } from './api-keys/index.js';
import { AuditEvent } from './audit/index.js';
import { Company } from './companies/index.js';
import { IdempotencyKey } from './idempotency/index.js';
import { AccountingFirmEngagement, Membership, User } from './identity/index.js';
import {
  AuthorizationCode,
  OAuthClient,
  RefreshToken,
  RevokedAccessToken,
  SignInSession,
  SigningKey,
} from './oauth/index.js';
import { RateLimitBucket } from './rate-limits/index.js';
import { Account, Dimension, DimensionValue, FiscalYear, Period, VatCode } from './ledger/index.js';
import {
  Posting,
  Voucher,
  VoucherAttachment,
  VoucherNumberCounter,
  VoucherSeries,
} from './vouchers/index.js';
import { LedgerBalance } from './reports/index.js';
import { DomainEvent, EventStream } from './events/index.js';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookSubscription } from './webhooks/index.js';
import { WorkerProcess } from './jobs/index.js';

export const ALL_ENTITIES = [
  Company,
  User,
  Membership,
  AccountingFirmEngagement,
  OAuthClient,
  SigningKey,
  AuthorizationCode,
  RefreshToken,
  RevokedAccessToken,
  SignInSession,
  ApiKey,
  AuditEvent,
  RateLimitBucket,
  Account,
  VatCode,
  FiscalYear,
  Period,
  Dimension,
  DimensionValue,
  VoucherSeries,
  VoucherNumberCounter,
  Voucher,
  Posting,
  VoucherAttachment,
  LedgerBalance,
  IdempotencyKey,
  DomainEvent,
  EventStream,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WorkerProcess,
];
