import { todayInNorway } from '../../src/common/dates/calendar-date.js';
import { ApiSession } from '../ledger/support/api-session.js';

interface BatchResponse {
  data: { id: string }[];
}

/**
 * A company of its own per run, so that its deliveries are counted apart from the others',
 * subscribed to `voucher.booked` at the receiver; books two-line vouchers through the batch
 * endpoint (one event each).
 */
export class WebhookCompany {
  private readonly date = todayInNorway();

  private constructor(private readonly session: ApiSession) {}

  static async create(baseUrl: string, receiverUrl: string, name: string): Promise<WebhookCompany> {
    const session = await ApiSession.signUp(baseUrl, name);
    await session.postJson(
      '/v1/webhook-subscriptions',
      JSON.stringify({ url: receiverUrl, eventTypes: ['voucher.booked'] }),
    );
    return new WebhookCompany(session);
  }

  get companyId(): string {
    return this.session.companyId;
  }

  /** A batch request body of `count` vouchers (build it before a clock starts). */
  batchBody(count: number): string {
    const voucher = {
      date: this.date,
      description: 'Webhook bench',
      postings: [
        { accountNumber: '1920', amount: '10.00' },
        { accountNumber: '2050', amount: '-10.00' },
      ],
    };
    return JSON.stringify({ vouchers: Array.from({ length: count }, () => voucher) });
  }

  /** Books one batch (all or nothing) and answers the vouchers' ids; throws unless 201. */
  async book(body: string): Promise<string[]> {
    const response = JSON.parse(await this.session.postJson('/v1/vouchers/batch', body)) as BatchResponse;
    return response.data.map((item) => item.id);
  }
}
