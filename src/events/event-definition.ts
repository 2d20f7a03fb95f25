import type { Type } from '@nestjs/common';
import type { Scope } from '../common/index.js';

/**
 * One kind of event: its type name, the schema of the resource it carries (the API's response
 * DTO, so an event's `data` is exactly what a GET returns), and the read scope a consumer needs
 * to see it. Contexts declare theirs next to their service with `defineEvent`; the catalogue
 * (OpenAPI `webhooks`, subscription filters, the feed) is every definition made.
 */
export interface EventDefinition<Payload extends object = object> {
  readonly type: `${string}.${string}`;
  readonly payload: Type<Payload>;
  readonly scope: Scope;
  readonly summary: string;
}

const catalogue = new Map<string, EventDefinition>();

export function defineEvent<Payload extends object>(
  definition: EventDefinition<Payload>,
): EventDefinition<Payload> {
  const existing = catalogue.get(definition.type);
  if (existing && existing !== definition) throw new Error(`event type ${definition.type} is defined twice`);
  catalogue.set(definition.type, definition);
  return definition;
}

/** Every event type defined so far (all of them once the application's modules are loaded), by name. */
export function eventCatalogue(): EventDefinition[] {
  return [...catalogue.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export function findEventDefinition(type: string): EventDefinition | undefined {
  return catalogue.get(type);
}
