import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, bookVoucher, transferVoucher, type VoucherBody } from '../../support/ledger.js';
import { referenceDir } from '../../support/reference-files.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// A real PDF published by the tax authority (see shared/reference/README.md).
const PDF = readFileSync(
  path.join(referenceDir(), 'saft-financial/examples/Info Example File SAF-T Financial.pdf'),
);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('voucher attachments', () => {
  let t: TestApp;
  let token: string;
  let voucher: VoucherBody;

  beforeAll(async () => {
    t = await createTestApp({ env: { ATTACHMENT_LIMIT_BYTES: String(PDF.length + 1024) } });
    token = await clientToken(t.http, await signUpCompany(t.http));
    voucher = await bookVoucher(t.http, token, transferVoucher('100.00'));
  });
  afterAll(() => t.close());

  const upload = (voucherId: string, type: string, content: Buffer, fileName = 'invoice.pdf') =>
    request(t.http)
      .post(`/v1/vouchers/${voucherId}/attachments`)
      .query({ fileName })
      .set(bearer(token))
      .set('Content-Type', type)
      .send(content);

  it('keeps a PDF on a booked voucher with its hash, and gives it back byte for byte', async () => {
    const res = await upload(voucher.id, 'application/pdf', PDF, 'Faktura 10017.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      voucherId: voucher.id,
      fileName: 'Faktura 10017.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const download = await request(t.http)
      .get(res.body.contentUrl)
      .set(bearer(token))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Faktura%2010017.pdf");
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    const read = await request(t.http).get(`/v1/vouchers/${voucher.id}`).set(bearer(token));
    expect(read.body.attachments).toEqual([res.body]);
  });

  it('stores the same file once, answering 200 with the stored one', async () => {
    const again = await upload(voucher.id, 'application/pdf', PDF);
    expect(again.status).toBe(200);
    const list = await request(t.http).get(`/v1/vouchers/${voucher.id}/attachments`).set(bearer(token));
    expect(list.body.data).toHaveLength(1);
  });

  it('takes images', async () => {
    const res = await upload(voucher.id, 'image/png', PNG, 'receipt.png');
    expect(res.status).toBe(201);
  });

  it('refuses content that is not what its Content-Type says', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const res = await upload(voucher.id, 'application/pdf', html);
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses other file types, too large files and empty bodies', async () => {
    expect((await upload(voucher.id, 'text/html', Buffer.from('<p>x</p>'))).status).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(2048)]);
    const tooLarge = await upload(voucher.id, 'application/pdf', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const noName = await request(t.http)
      .post(`/v1/vouchers/${voucher.id}/attachments`)
      .set(bearer(token))
      .set('Content-Type', 'application/pdf')
      .send(PDF);
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toContainEqual(expect.objectContaining({ parameter: 'fileName' }));
  });

  it('keeps the attachments of a draft when it is booked, in the answer and on reading', async () => {
    const draft = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({ ...transferVoucher('20.00'), status: 'draft' });
    expect(draft.status).toBe(201);
    const attached = await upload(draft.body.id, 'image/png', PNG, 'receipt.png');
    expect(attached.status).toBe(201);
    const booked = await request(t.http).post(`/v1/vouchers/${draft.body.id}/book`).set(bearer(token));
    expect(booked.status).toBe(200);
    expect(booked.body.attachments.map((a: { id: string }) => a.id)).toEqual([attached.body.id]);
    const read = await request(t.http).get(`/v1/vouchers/${draft.body.id}`).set(bearer(token));
    expect(read.body).toEqual(booked.body);
  });

  it("answers 404 for another company's voucher or attachment", async () => {
    const other = await clientToken(t.http, await signUpCompany(t.http));
    const mine = (await request(t.http).get(`/v1/vouchers/${voucher.id}/attachments`).set(bearer(token))).body
      .data[0];
    expect((await request(t.http).get(`/v1/attachments/${mine.id}`).set(bearer(other))).status).toBe(404);
    expect((await request(t.http).get(`/v1/attachments/${mine.id}/content`).set(bearer(other))).status).toBe(
      404,
    );
    const res = await request(t.http)
      .post(`/v1/vouchers/${voucher.id}/attachments`)
      .query({ fileName: 'x.pdf' })
      .set(bearer(other))
      .set('Content-Type', 'application/pdf')
      .send(PDF);
    expect(res.status).toBe(404);
  });
});
