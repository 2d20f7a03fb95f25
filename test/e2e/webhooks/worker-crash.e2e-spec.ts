import pg from 'pg';
import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';
import { waitFor } from '../../support/wait.js';
import { WorkerProcess } from '../../support/worker-process.js';

// Separate worker processes, as production runs them (`npm run worker`), against the API's
// database. A worker whose heartbeat stops for WORKER_STALE_SECONDS is taken for dead, and its
// locked jobs run again on the others.
const WORKER_ENV = {
  ...LOCAL_WEBHOOKS_ENV,
  WORKER_STALE_SECONDS: '2',
  WORKER_POLL_INTERVAL_MS: '100',
  WORKER_CONCURRENCY: '8',
  WEBHOOK_TIMEOUT_MS: '30000',
};

describe('worker processes', () => {
  let t: TestApp;
  let token: string;
  let receiver: WebhookReceiver;
  const workers: WorkerProcess[] = [];

  beforeEach(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV });
    token = await clientToken(t.http, await signUpCompany(t.http));
    receiver = await WebhookReceiver.start();
    const subscribed = await request(t.http)
      .post('/v1/webhook-subscriptions')
      .set(bearer(token))
      .send({ url: receiver.url, eventTypes: ['voucher.booked'] });
    expect(subscribed.status).toBe(201);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await receiver.close();
    await t.close();
  });

  async function bookMany(count: number): Promise<void> {
    const vouchers = Array.from({ length: count }, (_, index) => transferVoucher(`${index + 1}.00`));
    const res = await request(t.http).post('/v1/vouchers/batch').set(bearer(token)).send({ vouchers });
    expect(res.status).toBe(201);
  }

  async function deliveryStatuses(): Promise<string[]> {
    const [subscription] = (await request(t.http).get('/v1/webhook-subscriptions').set(bearer(token))).body
      .data;
    const log = await request(t.http)
      .get(`/v1/webhook-subscriptions/${subscription.id}/deliveries`)
      .query({ limit: 1000 })
      .set(bearer(token));
    return (log.body.data as Array<{ status: string; attemptCount: number }>).map(
      (d) => `${d.status}/${d.attemptCount}`,
    );
  }

  /**
   * The log once no delivery waits for an attempt to be recorded. A worker records a job's
   * attempts after the last of them is answered, so the receiver sees every request a moment
   * before the log shows it.
   */
  async function settledStatuses(count: number): Promise<string[]> {
    return waitFor(`${count} deliveries to be recorded`, async () => {
      const statuses = await deliveryStatuses();
      const recorded = statuses.length === count && !statuses.some((s) => s.endsWith('/0'));
      return recorded ? statuses : undefined;
    });
  }

  it('delivers every event after a worker is killed with -9 in the middle of its deliveries', async () => {
    receiver.fallback = 'hang';
    const doomed = await WorkerProcess.start(t.database.url, WORKER_ENV);
    workers.push(doomed);
    await bookMany(10);
    await receiver.waitFor(8, 20_000); // the worker's 8 slots are all waiting on the receiver
    await doomed.kill();
    const cutOff = receiver.received.length; // sent, never answered: the worker died waiting
    receiver.fallback = { status: 204 };

    workers.push(await WorkerProcess.start(t.database.url, WORKER_ENV));
    // Every event once more: the cut-off ones again (their jobs unlocked), the rest for the first time.
    await receiver.waitFor(cutOff + 10, 60_000);
    const answered = receiver.received.slice(cutOff).map((r) => r.headers['webhook-id']);
    expect(new Set(answered).size).toBe(10);
    expect(await settledStatuses(10)).toEqual(Array.from({ length: 10 }, () => 'succeeded/1'));
  }, 90_000);

  it('finishes the deliveries in flight when stopped with SIGTERM, and leaves nothing locked', async () => {
    receiver.fallback = { status: 204, delayMs: 500 };
    const worker = await WorkerProcess.start(t.database.url, WORKER_ENV);
    await bookMany(5);
    await receiver.waitFor(5, 20_000);
    expect(await worker.terminate()).toBe(0);
    expect(await deliveryStatuses()).toEqual(Array.from({ length: 5 }, () => 'succeeded/1'));
    const owner = new pg.Client({ connectionString: t.database.url });
    await owner.connect();
    try {
      const processes = await owner.query('SELECT id FROM worker_processes');
      const locked = await owner.query(
        'SELECT id, task_id, payload, locked_by, attempts, last_error FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL',
      );
      expect([processes.rowCount, locked.rows]).toEqual([0, []]);
    } finally {
      await owner.end();
    }
  }, 60_000);

  it('sends no attempt twice with two workers sharing the queue', async () => {
    workers.push(await WorkerProcess.start(t.database.url, WORKER_ENV));
    workers.push(await WorkerProcess.start(t.database.url, WORKER_ENV));
    await bookMany(200);
    await receiver.waitFor(200, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a duplicate to show, were there one
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    const statuses = await settledStatuses(200);
    expect(new Set(statuses)).toEqual(new Set(['succeeded/1']));
  }, 90_000);
});
