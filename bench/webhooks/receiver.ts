import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const HOST = '127.0.0.1';
// Longer than any pause between deliveries, so the workers' keep-alive sockets stay open.
const KEEP_ALIVE_MS = 120_000;

interface DeliveryBody {
  id?: unknown;
  type?: unknown;
  companyId?: unknown;
  data?: { id?: unknown };
}

/**
 * A webhook receiver in the bench process, on 127.0.0.1 with keep-alive: answers 204 as soon as
 * a delivery's (small) body is in, and records when each delivery arrived (its headers, by
 * performance.now()), per company and voucher id (the event's `data.id`). The first arrival of
 * a webhook-id counts; later ones are counted as duplicates.
 */
export class WebhookReceiver {
  duplicates = 0;
  readonly malformed: string[] = [];
  private readonly seen = new Set<string>();
  private readonly arrivals = new Map<string, Map<string, number>>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
    server.listen(0, HOST);
    await once(server, 'listening');
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the receiver has no port');
    const receiver = new WebhookReceiver(server, `http://${HOST}:${address.port}/webhooks`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      receiver.handle(request, response),
    );
    return receiver;
  }

  /** Arrival times by voucher id of one company's deliveries (live: it grows as they come). */
  arrivalsOf(companyId: string): Map<string, number> {
    let arrivals = this.arrivals.get(companyId);
    if (!arrivals) this.arrivals.set(companyId, (arrivals = new Map()));
    return arrivals;
  }

  /** Resolves once `count` of the company's deliveries arrived, or when `timeoutMs` has passed. */
  async waitFor(companyId: string, count: number, timeoutMs: number): Promise<Map<string, number>> {
    const arrivals = this.arrivalsOf(companyId);
    const deadline = performance.now() + timeoutMs;
    while (arrivals.size < count && performance.now() < deadline) await sleep(10);
    return arrivals;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const at = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(204).end();
      this.record(at, request.headers['webhook-id'], Buffer.concat(chunks).toString('utf8'));
    });
  }

  private record(at: number, webhookId: string | string[] | undefined, text: string): void {
    let body: DeliveryBody;
    try {
      body = JSON.parse(text) as DeliveryBody;
    } catch {
      this.malformed.push(`not JSON: ${text.slice(0, 200)}`);
      return;
    }
    const voucherId = body.data?.id;
    const isExpected = body.type === 'voucher.booked' && typeof voucherId === 'string';
    if (typeof webhookId !== 'string' || webhookId !== body.id || !isExpected) {
      this.malformed.push(`webhook-id ${String(webhookId)}, body ${text.slice(0, 200)}`);
      return;
    }
    if (this.seen.has(webhookId)) {
      this.duplicates += 1;
      return;
    }
    this.seen.add(webhookId);
    this.arrivalsOf(String(body.companyId)).set(voucherId, at);
  }
}
