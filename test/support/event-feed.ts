import request from 'supertest';
import { relayEvents } from './events.js';
import { bearer } from './ledger.js';
import type { TestApp } from './test-app.js';

/** An event as the feed (`GET /v1/events`) returns it. */
export interface FeedEvent {
  id: string;
  type: string;
  timestamp: string;
  companyId: string;
  sequence: number;
  data: Record<string, unknown>;
}

/**
 * The company's events of one type, read through the feed with the token (which needs
 * `events:read`) once the relay has numbered every committed event.
 */
export async function eventsOfType(t: TestApp, token: string, type: string): Promise<FeedEvent[]> {
  await relayEvents(t.app);
  const res = await request(t.http).get('/v1/events').query({ types: type }).set(bearer(token));
  if (res.status !== 200) throw new Error(`event feed failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as FeedEvent[];
}

/** The one event of the type; fails the test when there is none or more than one. */
export async function onlyEventOfType(t: TestApp, token: string, type: string): Promise<FeedEvent> {
  const events = await eventsOfType(t, token, type);
  expect(events).toHaveLength(1);
  return events[0];
}

/** The envelope a published event must have: its company, a positive sequence, an ISO timestamp. */
export function expectEnvelope(event: FeedEvent, type: string, companyId: string): void {
  expect(event).toMatchObject({ type, companyId, id: expect.any(String) });
  expect(Number.isInteger(event.sequence) && event.sequence > 0).toBe(true);
  expect(event.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(new Date(event.timestamp).toISOString()).toBe(event.timestamp);
}
