import request from 'supertest';
import { relayEvents } from '../../support/events.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, salesVoucher, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface EventBody {
  id: string;
  type: string;
  sequence: number;
  timestamp: string;
  companyId: string;
  data: Record<string, unknown> & { id: string };
}

// The events of vouchers carry the voucher exactly as GET answers it. Booking writes its event in
// the same statement as the voucher, before the database has given it a number and timestamps:
// these tests prove the statement completes the event to the letter.
describe('voucher events', () => {
  let t: TestApp;
  let token: string;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const company = await signUpCompany(t.http);
    companyId = company.companyId;
    token = await clientToken(t.http, company);
  });
  afterAll(() => t.close());

  async function eventsOf(type: string): Promise<EventBody[]> {
    await relayEvents(t.app);
    const res = await request(t.http)
      .get('/v1/events')
      .query({ types: type, limit: 1000 })
      .set(bearer(token));
    expect(res.status).toBe(200);
    return (res.body as { data: EventBody[] }).data;
  }

  async function voucher(id: string): Promise<Record<string, unknown>> {
    const res = await request(t.http).get(`/v1/vouchers/${id}`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  it('publishes voucher.booked with the voucher as GET returns it, number and timestamps included', async () => {
    const booked = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send(salesVoucher('100.00', '125.00'));
    expect(booked.status).toBe(201);
    const [event] = (await eventsOf('voucher.booked')).filter((e) => e.data.id === booked.body.id);
    expect(event.data).toEqual(await voucher(booked.body.id));
    expect(event.data.number).toBe(booked.body.number);
    expect(event).toMatchObject({ companyId, type: 'voucher.booked' });
    expect(event.timestamp).toBe(booked.body.createdAt);
  });

  it('publishes voucher.reversed (the original, linked) and voucher.booked (the reversal) in one transaction', async () => {
    const original = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send(transferVoucher('10.00'));
    const reversal = await request(t.http)
      .post(`/v1/vouchers/${original.body.id}/reverse`)
      .set(bearer(token))
      .send({});
    expect(reversal.status).toBe(201);
    const [reversed] = (await eventsOf('voucher.reversed')).filter((e) => e.data.id === original.body.id);
    expect(reversed.data).toEqual(await voucher(original.body.id));
    expect(reversed.data.reversedByVoucherId).toBe(reversal.body.id);
    const [booked] = (await eventsOf('voucher.booked')).filter((e) => e.data.id === reversal.body.id);
    expect(booked.data).toEqual(await voucher(reversal.body.id));
    expect(booked.sequence).toBe(reversed.sequence + 1);
  });

  it('publishes voucher.booked for every voucher of a batch, each as GET returns it', async () => {
    const res = await request(t.http)
      .post('/v1/vouchers/batch')
      .set(bearer(token))
      .send({ vouchers: [transferVoucher('1.00'), salesVoucher('8.00', '10.00')] });
    expect(res.status).toBe(201);
    const ids = (res.body as { data: { id: string }[] }).data.map((item) => item.id);
    const events = (await eventsOf('voucher.booked')).filter((e) => ids.includes(e.data.id));
    expect(events.map((e) => e.data.id)).toEqual(ids);
    for (const event of events) expect(event.data).toEqual(await voucher(event.data.id));
  });

  it('publishes the life of a draft: created, updated, booked, and deleted for another', async () => {
    const draft = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({ ...transferVoucher('5.00'), status: 'draft' });
    expect(draft.status).toBe(201);
    const [created] = (await eventsOf('voucher.draft.created')).filter((e) => e.data.id === draft.body.id);
    expect(created.data).toEqual(draft.body);
    const updated = await request(t.http)
      .put(`/v1/vouchers/${draft.body.id}`)
      .set(bearer(token))
      .send(transferVoucher('6.00'));
    expect(updated.status).toBe(200);
    const [changed] = (await eventsOf('voucher.draft.updated')).filter((e) => e.data.id === draft.body.id);
    expect(changed.data).toEqual(updated.body);
    const booked = await request(t.http).post(`/v1/vouchers/${draft.body.id}/book`).set(bearer(token));
    expect(booked.status).toBe(200);
    const [bookedEvent] = (await eventsOf('voucher.booked')).filter((e) => e.data.id === draft.body.id);
    expect(bookedEvent.data).toEqual(await voucher(draft.body.id));

    const other = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({ ...transferVoucher('7.00'), status: 'draft' });
    expect((await request(t.http).delete(`/v1/vouchers/${other.body.id}`).set(bearer(token))).status).toBe(
      204,
    );
    const [deleted] = (await eventsOf('voucher.draft.deleted')).filter((e) => e.data.id === other.body.id);
    expect(deleted.data).toEqual(other.body);
  });

  it('publishes nothing for a booking the ledger refuses', async () => {
    const before = (await eventsOf('voucher.booked')).length;
    const unbalanced = {
      ...transferVoucher('3.00'),
      postings: [
        { accountNumber: '1920', amount: '3.00' },
        { accountNumber: '2050', amount: '-2.00' },
      ],
    };
    const refused = await request(t.http).post('/v1/vouchers').set(bearer(token)).send(unbalanced);
    expect(refused.status).toBe(422);
    expect(await eventsOf('voucher.booked')).toHaveLength(before);
  });

  it('numbers the stream without gaps, in commit order, whatever the mix of event types', async () => {
    await relayEvents(t.app);
    const res = await request(t.http).get('/v1/events').query({ limit: 1000 }).set(bearer(token));
    const sequences = (res.body as { data: EventBody[] }).data.map((event) => event.sequence);
    expect(sequences).toEqual(sequences.map((_, index) => index + 1));
  });
});
