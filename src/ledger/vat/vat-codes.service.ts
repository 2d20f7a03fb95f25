import { Injectable } from '@nestjs/common';
import { NotFoundError, type TenantContext } from '../../common/index.js';
import { Database } from '../../database/index.js';
import type { VatCodeResponseDto } from './dto/vat-code.dto.js';

const SELECT = `
  SELECT v.code, v.name, v.direction, v.rates, va.number AS "vatAccountNumber",
         da.number AS "deductionAccountNumber", v.is_deductible AS "isDeductible", v.is_active AS "isActive"
    FROM vat_codes v
    LEFT JOIN accounts va ON va.company_id = v.company_id AND va.id = v.vat_account_id
    LEFT JOIN accounts da ON da.company_id = v.company_id AND da.id = v.deduction_account_id
   WHERE v.company_id = $1`;

/** The company's VAT codes with the accounts they post to. */
@Injectable()
export class VatCodesService {
  constructor(private readonly db: Database) {}

  list(tenant: TenantContext): Promise<VatCodeResponseDto[]> {
    return this.db.transaction(
      { companyId: tenant.companyId },
      async (tx) =>
        await tx.query<VatCodeResponseDto[]>(`${SELECT} ORDER BY length(v.code), v.code`, [tenant.companyId]),
    );
  }

  get(tenant: TenantContext, code: string): Promise<VatCodeResponseDto> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const [row] = await tx.query<VatCodeResponseDto[]>(`${SELECT} AND v.code = $2`, [
        tenant.companyId,
        code,
      ]);
      if (!row) throw new NotFoundError('VAT code', code);
      return row;
    });
  }
}
