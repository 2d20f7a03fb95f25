import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/index.js';
import type { EventDefinition } from './event-definition.js';
import { DomainEvent } from './event.entity.js';

/** An event ready to insert: what a hot path writes within a statement of its own. */
export interface EventRow {
  companyId: string;
  id: string;
  type: string;
  scope: string;
  data: object;
}

export function eventRow<Payload extends object>(
  companyId: string,
  definition: EventDefinition<Payload>,
  data: Payload,
): EventRow {
  return {
    companyId,
    id: newId(),
    type: definition.type,
    scope: definition.scope,
    data,
  };
}

/**
 * The transactional outbox. Call it inside the transaction that makes the change: the event is
 * committed with the change or rolled back with it, so consumers never hear of a change that did
 * not happen, nor miss one that did. The relay numbers and delivers it after the commit.
 */
@Injectable()
export class EventOutbox {
  async add<Payload extends object>(
    tx: EntityManager,
    companyId: string,
    definition: EventDefinition<Payload>,
    data: Payload,
  ): Promise<void> {
    await this.addRows(tx, [eventRow(companyId, definition, data)]);
  }

  /** Many events in one statement (one per voucher of a batch). */
  async addRows(tx: EntityManager, rows: EventRow[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.getRepository(DomainEvent).insert(rows);
  }
}
