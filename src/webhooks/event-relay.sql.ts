/** Any constant, the same in every process: one relay pass runs at a time across all of them. */
export const RELAY_LOCK_KEY = 4_711_020_251;

export const DELIVER_TASK = 'deliver_webhook';

/**
 * How many deliveries to one subscription share a job. A job sends its deliveries together and
 * records them in one statement, which divides the queue's and the log's writes per delivery by
 * this much; it also bounds the requests one job has in flight to one receiver.
 */
export const DELIVERIES_PER_JOB = 10;

/**
 * The queue's priority (graphile-worker runs lower numbers first) of a subscription's jobs while
 * its receiver is failing. Its jobs can hold a worker's slots until they time out; so that one
 * dead receiver cannot hold back every other subscription's events, the others' jobs go first.
 */
export const FAILING_RECEIVER_PRIORITY = 10;

/** The priority of a delivery job for a subscription row `s`. */
const jobPriority = (s: string) =>
  `CASE WHEN ${s}.failing_since IS NULL THEN 0 ELSE ${FAILING_RECEIVER_PRIORITY} END`;

/**
 * The first attempts of the rows of a `deliveries` CTE (company_id, subscription_id, id), queued
 * in one call: one job per subscription and DELIVERIES_PER_JOB deliveries, behind other jobs
 * while the subscription's receiver is failing. Returns a row `jobs` with how many (none when
 * there are no deliveries). 25 attempts of the job itself cover crashes and database outages,
 * not the receiver's failures (see the deliverer).
 */
export const QUEUE_FIRST_ATTEMPTS = `SELECT app_add_jobs(array_agg(ROW(
             '${DELIVER_TASK}', json_build_object('companyId', company_id, 'deliveryIds', ids, 'attempt', 1),
             NULL, NULL, 25, NULL, priority, NULL)::graphile_worker.job_spec)) AS jobs
      FROM (SELECT company_id, array_agg(id ORDER BY id) AS ids, priority
              FROM (SELECT d.company_id, d.subscription_id, d.id, ${jobPriority('s')} AS priority,
                           (row_number() OVER (PARTITION BY d.company_id, d.subscription_id ORDER BY d.id) - 1)
                             / ${DELIVERIES_PER_JOB} AS chunk
                      FROM deliveries d
                      JOIN webhook_subscriptions s ON s.company_id = d.company_id AND s.id = d.subscription_id
                   ) numbered
             GROUP BY company_id, subscription_id, chunk, priority) chunks
    HAVING count(*) > 0`;

/**
 * The job of a delivery's next attempt, from an attempt row `i` (delivery_id, attempt_number,
 * next_attempt_at) and a row `p` saying whether an attempt to the same subscription just
 * succeeded; $1 the company.
 */
export const NEXT_ATTEMPT_JOB = `ROW(
             '${DELIVER_TASK}',
             json_build_object('companyId', $1::uuid, 'deliveryIds', json_build_array(i.delivery_id),
                               'attempt', i.attempt_number + 1),
             NULL, i.next_attempt_at, 25, NULL,
             CASE WHEN p.succeeded THEN 0 ELSE ${FAILING_RECEIVER_PRIORITY} END, NULL)::graphile_worker.job_spec`;

/**
 * One relay pass, in one statement. It takes the events no transaction can still precede (every
 * transaction with a lower id has ended: below the snapshot's xmin), numbers them per company in
 * (transaction id, event id) order, and fans each out to the company's enabled subscriptions
 * that want its type and may read its scope, queueing their delivery jobs, all atomically.
 * An event numbered once is never renumbered, and none can later appear before it: the feed's
 * order is final when it is read.
 *
 * $1: the most events to take. Returns how many were numbered and how many are still waiting.
 */
export const RELAY_EVENTS = `
  WITH horizon AS (
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin
  ), ready AS (
    SELECT e.company_id, e.id, e.type, e.scope,
           coalesce(s.last_sequence, 0)
             + row_number() OVER (PARTITION BY e.company_id ORDER BY e.transaction_id, e.id) AS sequence
      FROM (SELECT company_id, id, type, scope, transaction_id FROM events, horizon
             WHERE sequence IS NULL AND transaction_id < horizon.xmin
             ORDER BY transaction_id, id
             LIMIT $1) e
      LEFT JOIN event_streams s ON s.company_id = e.company_id
  ), numbered AS (
    UPDATE events e SET sequence = r.sequence
      FROM ready r
     WHERE e.company_id = r.company_id AND e.id = r.id
    RETURNING e.id
  ), streams AS (
    INSERT INTO event_streams AS s (company_id, last_sequence)
    SELECT company_id, max(sequence) FROM ready GROUP BY company_id
    ON CONFLICT (company_id) DO UPDATE SET last_sequence = excluded.last_sequence
  ), deliveries AS (
    INSERT INTO webhook_deliveries (company_id, id, subscription_id, event_id, next_attempt_at)
    SELECT r.company_id, uuid_v7(), s.id, r.id, now()
      FROM ready r
      JOIN webhook_subscriptions s
        ON s.company_id = r.company_id AND s.is_enabled AND r.scope = ANY (s.readable_scopes)
       AND (s.event_types = '{}' OR r.type = ANY (s.event_types))
    RETURNING company_id, subscription_id, id
  ), jobs AS (
    ${QUEUE_FIRST_ATTEMPTS}
  )
  SELECT (SELECT count(*) FROM numbered)::int AS numbered,
         coalesce((SELECT jobs FROM jobs), 0) AS queued,
         (SELECT count(*) FROM (SELECT 1 FROM events WHERE sequence IS NULL LIMIT $1 + 1) waiting)::int
           - (SELECT count(*) FROM numbered)::int AS waiting`;
