import type { Account } from './account.entity.js';
import type { AccountResponseDto } from './dto/account.dto.js';

export function toAccountResponse(account: Account): AccountResponseDto {
  return {
    id: account.id,
    number: account.number,
    name: account.name,
    description: account.description,
    accountClass: account.accountClass,
    standardAccountId: account.standardAccountId,
    groupingCategory: account.groupingCategory,
    groupingCode: account.groupingCode,
    controlKind: account.controlKind,
    defaultVatCode: account.defaultVatCode,
    isVatLocked: account.isVatLocked,
    requiresDepartment: account.requiresDepartment,
    requiresProject: account.requiresProject,
    isActive: account.isActive,
    version: account.version,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}
