import { NEXT_ATTEMPT_JOB } from './event-relay.sql.js';

/** A delivery a job is to attempt, with what signing and sending it needs. */
export interface DeliveryState {
  delivery_id: string;
  subscription_id: string;
  url: string;
  secrets: string[];
  failing_since: Date | null;
  event_id: string;
  body: string;
}

/**
 * The job's deliveries that still wait for this attempt ($3), with their subscription's target
 * and secrets (the previous one while it still signs) and the webhook body, built by PostgreSQL
 * from the stored events, in one round trip. A delivery already attempted (a job run again after
 * a crash), finished, or of a disabled subscription is left out.
 */
export const LOAD_DELIVERIES = `
  SELECT d.id AS delivery_id, s.id AS subscription_id, s.url, s.failing_since,
         array_remove(ARRAY[s.secret, CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END], NULL)
           AS secrets,
         e.id AS event_id,
         json_build_object('id', e.id, 'type', e.type,
                           'timestamp', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'companyId', e.company_id, 'sequence', e.sequence, 'data', e.data)::text AS body
    FROM webhook_deliveries d
    JOIN webhook_subscriptions s ON s.company_id = d.company_id AND s.id = d.subscription_id
    JOIN events e ON e.company_id = d.company_id AND e.id = d.event_id
   WHERE d.company_id = $1 AND d.id = ANY ($2::uuid[])
     AND d.status = 'pending' AND d.attempt_count < $3 AND s.is_enabled
   ORDER BY e.sequence, d.id`;

/** One attempt as RECORD_ATTEMPTS takes it: a column array per field, in this order. */
export const ATTEMPT_COLUMNS = [
  'delivery_id uuid',
  'subscription_id uuid',
  'attempt_id uuid',
  'attempt_number integer',
  'attempted_at timestamptz',
  'duration_ms integer',
  'outcome text',
  'status_code integer',
  'response_excerpt text',
  'error text',
  'status text',
  'next_attempt_at timestamptz',
] as const;

const input = ATTEMPT_COLUMNS.map((column, i) => `$${i + 2}::${column.split(' ')[1]}[]`).join(', ');
const names = ATTEMPT_COLUMNS.map((column) => column.split(' ')[0]).join(', ');

/** A subscription's state after RECORD_ATTEMPTS, for the decision to disable it. */
export interface RecordedSubscription {
  subscription_id: string;
  /** A receiver answered 410 Gone. */
  gone: boolean;
  /** No success since then (null: the last attempts succeeded). */
  failing_since: Date | null;
  /** Retry jobs queued by the whole statement (the same on every row). */
  retries_queued: number;
}

/**
 * Records a job's attempts in one statement ($1 company, then one array per ATTEMPT_COLUMNS).
 * Every attempt goes into the log (it was sent). A delivery's state changes only if it still
 * waits for this attempt: a job run twice (its worker thought dead) or a subscription disabled
 * meanwhile (its pending deliveries given up) changes nothing and queues no retry. Each retry is
 * a job of its own (the jitter differs), behind other jobs if none of this job's attempts to its
 * subscription succeeded. failing_since is written only when it changes (any success clears it,
 * all failing sets it), so that steady success writes no hot row. Returns one
 * RecordedSubscription per subscription.
 */
export const RECORD_ATTEMPTS = `
  WITH input AS (
    SELECT * FROM unnest(${input}) AS t(${names})
  ), attempts AS (
    INSERT INTO webhook_delivery_attempts (company_id, id, delivery_id, attempt_number, attempted_at, duration_ms,
                                           outcome, status_code, response_excerpt, error)
    SELECT $1, attempt_id, delivery_id, attempt_number, attempted_at, duration_ms, outcome, status_code,
           response_excerpt, error
      FROM input
  ), per_subscription AS (
    SELECT subscription_id, bool_or(outcome = 'succeeded') AS succeeded, bool_or(outcome = 'gone') AS gone,
           min(attempted_at) AS first_attempt_at
      FROM input GROUP BY subscription_id
  ), deliveries AS (
    UPDATE webhook_deliveries d
       SET attempt_count = i.attempt_number, status = i.status, last_attempt_at = i.attempted_at,
           last_outcome = i.outcome, last_status_code = i.status_code, next_attempt_at = i.next_attempt_at,
           completed_at = CASE WHEN i.status = 'pending' THEN NULL ELSE now() END
      FROM input i
     WHERE d.company_id = $1 AND d.id = i.delivery_id
       AND d.status = 'pending' AND d.attempt_count < i.attempt_number
    RETURNING d.id
  ), next_jobs AS (
    SELECT app_add_jobs(array_agg(${NEXT_ATTEMPT_JOB})) AS jobs
      FROM input i
      JOIN deliveries d ON d.id = i.delivery_id
      JOIN per_subscription p ON p.subscription_id = i.subscription_id
     WHERE i.next_attempt_at IS NOT NULL
    HAVING count(*) > 0
  ), subscriptions AS (
    UPDATE webhook_subscriptions s
       SET failing_since = CASE WHEN p.succeeded THEN NULL ELSE p.first_attempt_at END
      FROM per_subscription p
     WHERE s.company_id = $1 AND s.id = p.subscription_id AND p.succeeded = (s.failing_since IS NOT NULL)
  )
  SELECT p.subscription_id, p.gone,
         CASE WHEN p.succeeded THEN NULL ELSE coalesce(s.failing_since, p.first_attempt_at) END AS failing_since,
         -- A CTE that only reads (app_add_jobs writes, but inside a SELECT) runs only when referenced.
         coalesce((SELECT jobs FROM next_jobs), 0) AS retries_queued
    FROM per_subscription p
    JOIN webhook_subscriptions s ON s.company_id = $1 AND s.id = p.subscription_id`;
