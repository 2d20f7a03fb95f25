import { DomainError } from '../common/index.js';

export class WebhookUrlRefusedError extends DomainError {
  readonly code = 'WEBHOOK_URL_REFUSED';
  constructor(detail: string) {
    super(detail, [{ pointer: '/url', detail, rule: 'publicHttpsUrl' }]);
  }
}

export class WebhookSubscriptionDisabledError extends DomainError {
  readonly code = 'WEBHOOK_SUBSCRIPTION_DISABLED';
  constructor(id: string, reason: string | null) {
    super(`The webhook subscription ${id} is disabled (${reason ?? 'manual'}); enable it first.`);
  }
}

export class EventTypeNotReadableError extends DomainError {
  readonly code = 'EVENT_TYPE_NOT_READABLE';
  constructor(type: string, scope: string) {
    super(`Subscribing to ${type} needs the scope ${scope}, which this token does not have in this company.`);
  }
}
