import type {
  WebhookDeliveryAttemptResponseDto,
  WebhookDeliveryResponseDto,
} from './dto/webhook-delivery.dto.js';
import type { WebhookDeliveryAttempt } from './webhook-delivery.entity.js';

/** A delivery row joined with its event's type and sequence. */
export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  event_sequence: string;
  status: string;
  is_manual: boolean;
  attempt_count: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_outcome: string | null;
  last_status_code: number | null;
  created_at: Date;
  completed_at: Date | null;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toDeliveryResponse(
  row: DeliveryRow,
  attempts?: WebhookDeliveryAttemptResponseDto[],
): WebhookDeliveryResponseDto {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    eventSequence: Number(row.event_sequence),
    status: row.status,
    isManual: row.is_manual,
    attemptCount: row.attempt_count,
    nextAttemptAt: iso(row.next_attempt_at),
    lastAttemptAt: iso(row.last_attempt_at),
    lastOutcome: row.last_outcome,
    lastStatusCode: row.last_status_code,
    createdAt: row.created_at.toISOString(),
    completedAt: iso(row.completed_at),
    ...(attempts ? { attempts } : {}),
  };
}

export function toAttemptResponse(attempt: WebhookDeliveryAttempt): WebhookDeliveryAttemptResponseDto {
  return {
    attemptNumber: attempt.attemptNumber,
    attemptedAt: attempt.attemptedAt.toISOString(),
    durationMs: attempt.durationMs,
    outcome: attempt.outcome,
    statusCode: attempt.statusCode,
    responseExcerpt: attempt.responseExcerpt,
    error: attempt.error,
  };
}
