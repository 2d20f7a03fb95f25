import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/** What the receiver answers to one request: a status (with a Location for 3xx), or no answer at all. */
export type ReceiverAnswer = { status: number; location?: string; body?: string; delayMs?: number } | 'hang';

/**
 * A webhook consumer on 127.0.0.1 (the fake of what is outside our process): records every
 * request and answers with the next planned answer, then with `fallback`.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly plan: ReceiverAnswer[] = [];
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  fallback: ReceiverAnswer = { status: 204 };
  private server!: Server;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        receiver.received.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        });
        receiver.notify();
        const answer = receiver.plan.shift() ?? receiver.fallback;
        if (answer === 'hang') return;
        setTimeout(() => {
          res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
          res.end(answer.body ?? '');
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Answers the next requests with these, in order. */
  answer(...answers: ReceiverAnswer[]): void {
    this.plan.push(...answers);
  }

  /** The parsed bodies received so far. */
  events(): Array<{ id: string; type: string; sequence: number; data: Record<string, unknown> }> {
    return this.received.map((request) => JSON.parse(request.body));
  }

  /** Resolves once `count` requests have arrived in total; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 15000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} webhook requests, got ${this.received.length}`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const waiter of [...this.waiters])
      if (this.received.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  }
}

/** Settings that let a test app deliver to receivers on 127.0.0.1 (development and tests only). */
export const LOCAL_WEBHOOKS_ENV = {
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOWED_PRIVATE_RANGES: '127.0.0.0/8,::1/128',
};
