import type { TenantContext } from '../common/index.js';
import type { PreparedVoucher, VoucherInput } from './voucher-booking.js';

/** The columns of a new voucher row, draft or booked, with who made it. */
export function voucherRow(tenant: TenantContext, id: string, input: VoucherInput) {
  const { actor } = tenant;
  return {
    companyId: tenant.companyId,
    id,
    voucherDate: input.date,
    description: input.description,
    amountsIncludeVat: input.amountsIncludeVat,
    draftLines: input.postings,
    createdByKind: actor.kind,
    createdByUserId: actor.userId ?? null,
    createdByClientId: actor.clientId ?? null,
    createdByApiKeyId: actor.apiKeyId ?? null,
  };
}

/** What booking sets on a voucher: its series, fiscal year and number; drafts' lines are dropped. */
export function bookedFields(prepared: PreparedVoucher, number: number) {
  return {
    status: 'booked' as const,
    seriesId: prepared.series.id,
    fiscalYearId: prepared.fiscalYearId,
    number,
    draftLines: null,
    bookedAt: () => 'now()',
  };
}
