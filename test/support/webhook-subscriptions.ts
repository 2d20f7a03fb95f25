import request from 'supertest';
import type { App } from 'supertest/types.js';
import { bearer } from './ledger.js';

export interface CreatedSubscription {
  id: string;
  /** Shown in the create response only. */
  secret: string;
}

/** Subscribes `url` to `voucher.booked` (plus `extra` fields); expects 201. */
export async function subscribeToBookings(
  http: App,
  token: string,
  url: string,
  extra: object = {},
): Promise<CreatedSubscription> {
  const res = await request(http)
    .post('/v1/webhook-subscriptions')
    .set(bearer(token))
    .send({ url, eventTypes: ['voucher.booked'], ...extra });
  expect(res.status).toBe(201);
  return res.body as CreatedSubscription;
}

/** Deletes a subscription; expects 204. */
export async function unsubscribe(http: App, token: string, id: string): Promise<void> {
  const res = await request(http).delete(`/v1/webhook-subscriptions/${id}`).set(bearer(token));
  expect(res.status).toBe(204);
}
