import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventRelay } from '../../src/webhooks/index.js';

/**
 * Numbers every committed event now (what the relay of a worker process does within
 * milliseconds), and answers how many it numbered and how many delivery jobs it queued. It
 * passes again while events wait: a transaction of another test suite, in any database of the
 * cluster, holds back the horizon below which events are ready.
 */
export async function relayAllEvents(
  app: NestExpressApplication,
): Promise<{ numbered: number; queued: number }> {
  const relay = app.get(EventRelay);
  const total = { numbered: 0, queued: 0 };
  for (;;) {
    const pass = await relay.pass();
    total.numbered += pass.numbered;
    total.queued += pass.queued;
    if (pass.waiting === 0 && pass.numbered < 2000) return total;
  }
}

/** Numbers every committed event now; answers how many. */
export async function relayEvents(app: NestExpressApplication): Promise<number> {
  return (await relayAllEvents(app)).numbered;
}
