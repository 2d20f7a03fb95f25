import type { FiscalYearResponseDto, PeriodResponseDto } from './dto/period.dto.js';
import type { FiscalYear } from './fiscal-year.entity.js';
import type { Period } from './period.entity.js';

export function toFiscalYearResponse(year: FiscalYear): FiscalYearResponseDto {
  return {
    id: year.id,
    startDate: year.startDate,
    endDate: year.endDate,
    createdAt: year.createdAt.toISOString(),
  };
}

export function toPeriodResponse(period: Period): PeriodResponseDto {
  return {
    id: period.id,
    fiscalYearId: period.fiscalYearId,
    number: period.number,
    startDate: period.startDate,
    endDate: period.endDate,
    status: period.status,
    version: period.version,
    updatedAt: period.updatedAt.toISOString(),
  };
}
