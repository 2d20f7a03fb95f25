import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  assertVersion,
  ConflictError,
  newId,
  NotFoundError,
  type TenantContext,
} from '../../common/index.js';
import { AuditLog } from '../../audit/index.js';
import { Database, isUniqueViolation } from '../../database/index.js';
import { EventOutbox, type EventDefinition } from '../../events/index.js';
import { DimensionValue } from './dimension-value.entity.js';
import { Dimension } from './dimension.entity.js';
import {
  DIMENSION_CREATED,
  DIMENSION_UPDATED,
  DIMENSION_VALUE_CREATED,
  DIMENSION_VALUE_UPDATED,
} from './dimension.events.js';
import { toDimensionResponse, toDimensionValueResponse } from './dimension.mapper.js';

export interface DimensionChanges {
  name?: string;
  isActive?: boolean;
}

export interface NewDimensionValue {
  code: string;
  name: string;
}

/**
 * Dimensions and their values. Every company has a department and a project dimension; free
 * dimensions are added. Values are deactivated, never deleted, once postings may carry them.
 * Every change is audited and published.
 */
@Injectable()
export class DimensionsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  list(tenant: TenantContext): Promise<Dimension[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx
        .getRepository(Dimension)
        .find({ where: { companyId: tenant.companyId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  get(tenant: TenantContext, id: string): Promise<Dimension> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      this.dimensionIn(tx, tenant.companyId, id),
    );
  }

  create(tenant: TenantContext, name: string): Promise<Dimension> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const id = newId();
      await tx
        .getRepository(Dimension)
        .insert({ companyId: tenant.companyId, id, kind: 'free', name })
        .catch(uniqueAs('dimensions_name_key', `A dimension named ${name} exists already.`));
      const dimension = await this.dimensionIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, DIMENSION_CREATED, toDimensionResponse(dimension), { name });
      return dimension;
    });
  }

  update(
    tenant: TenantContext,
    id: string,
    changes: DimensionChanges,
    expectedVersion?: number,
  ): Promise<Dimension> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      assertVersion(await this.dimensionIn(tx, tenant.companyId, id, true), expectedVersion, 'dimension');
      await tx
        .getRepository(Dimension)
        .update(
          { companyId: tenant.companyId, id },
          { ...changes, updatedAt: () => 'now()', version: () => 'version + 1' },
        )
        .catch(uniqueAs('dimensions_name_key', `A dimension named ${changes.name} exists already.`));
      const dimension = await this.dimensionIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, DIMENSION_UPDATED, toDimensionResponse(dimension), { ...changes });
      return dimension;
    });
  }

  listValues(tenant: TenantContext, dimensionId: string): Promise<DimensionValue[]> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.dimensionIn(tx, tenant.companyId, dimensionId);
      return tx.getRepository(DimensionValue).find({
        where: { companyId: tenant.companyId, dimensionId },
        order: { code: 'ASC' },
      });
    });
  }

  /** The values of any number of dimensions in one statement (GraphQL's batched loads), by code. */
  valuesOf(tenant: TenantContext, dimensionIds: readonly string[]): Promise<DimensionValue[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx.getRepository(DimensionValue).find({
        where: { companyId: tenant.companyId, dimensionId: In([...dimensionIds]) },
        order: { code: 'ASC' },
      }),
    );
  }

  getValue(tenant: TenantContext, id: string): Promise<DimensionValue> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      this.valueIn(tx, tenant.companyId, id),
    );
  }

  createValue(tenant: TenantContext, dimensionId: string, input: NewDimensionValue): Promise<DimensionValue> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.dimensionIn(tx, tenant.companyId, dimensionId);
      const id = newId();
      await tx
        .getRepository(DimensionValue)
        .insert({ companyId: tenant.companyId, id, dimensionId, ...input })
        .catch(
          uniqueAs('dimension_values_code_key', `The dimension has a value with code ${input.code} already.`),
        );
      const value = await this.valueIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, DIMENSION_VALUE_CREATED, toDimensionValueResponse(value), {
        dimensionId,
        ...input,
      });
      return value;
    });
  }

  updateValue(
    tenant: TenantContext,
    id: string,
    changes: DimensionChanges,
    expectedVersion?: number,
  ): Promise<DimensionValue> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      assertVersion(await this.valueIn(tx, tenant.companyId, id, true), expectedVersion, 'dimension value');
      await tx
        .getRepository(DimensionValue)
        .update(
          { companyId: tenant.companyId, id },
          { ...changes, updatedAt: () => 'now()', version: () => 'version + 1' },
        );
      const value = await this.valueIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, DIMENSION_VALUE_UPDATED, toDimensionValueResponse(value), {
        ...changes,
      });
      return value;
    });
  }

  private async dimensionIn(
    tx: EntityManager,
    companyId: string,
    id: string,
    lock = false,
  ): Promise<Dimension> {
    const dimension = await tx.getRepository(Dimension).findOne({
      where: { companyId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!dimension) throw new NotFoundError('Dimension', id);
    return dimension;
  }

  private async valueIn(
    tx: EntityManager,
    companyId: string,
    id: string,
    lock = false,
  ): Promise<DimensionValue> {
    const value = await tx.getRepository(DimensionValue).findOne({
      where: { companyId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!value) throw new NotFoundError('Dimension value', id);
    return value;
  }

  // The event carries the resource as GET returns it; the audit entry, of the same type (its
  // resource type is the part before the dot), says what changed.
  private async published<Payload extends { id: string }>(
    tx: EntityManager,
    tenant: TenantContext,
    definition: EventDefinition<Payload>,
    data: Payload,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.outbox.add(tx, tenant.companyId, definition, data);
    await this.audit.record(tx, tenant, {
      action: definition.type,
      resourceType: definition.type.slice(0, definition.type.indexOf('.')),
      resourceId: data.id,
      details,
    });
  }
}

function uniqueAs(constraint: string, message: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, constraint)) throw new ConflictError(message);
    throw error;
  };
}
