import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventRelay } from '../../src/webhooks/index.js';

/** Numbers every committed event now (what the relay of a worker process does within milliseconds). */
export async function relayEvents(app: NestExpressApplication): Promise<number> {
  const relay = app.get(EventRelay);
  let numbered = 0;
  for (;;) {
    const pass = await relay.pass();
    numbered += pass.numbered;
    if (pass.waiting === 0 && pass.numbered < 2000) return numbered;
  }
}
