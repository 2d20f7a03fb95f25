import type { OpenAPIObject } from '@nestjs/swagger';
import { eventCatalogue, type EventDefinition } from './event-definition.js';

type Schema = Record<string, unknown>;

const SIGNATURE_HEADERS = [
  ['webhook-id', 'The event id: the same on every attempt and redelivery. Deduplicate on it.'],
  [
    'webhook-timestamp',
    'Unix seconds when this attempt was signed. Refuse deliveries more than 5 minutes off.',
  ],
  [
    'webhook-signature',
    'Space-separated `v1,<base64 HMAC-SHA256>` over `{webhook-id}.{webhook-timestamp}.{body}` with the ' +
      "subscription's secret (two during a secret rotation: accept either). Verify with any Standard Webhooks library.",
  ],
] as const;

/** `voucher.draft.created` → `VoucherDraftCreatedEvent`. */
export function eventSchemaName(type: string): string {
  return `${type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}Event`;
}

function envelope(definition: EventDefinition): Schema {
  return {
    type: 'object',
    description: definition.summary,
    required: ['id', 'type', 'timestamp', 'companyId', 'sequence', 'data'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'Also the `webhook-id` header.' },
      type: { type: 'string', enum: [definition.type] },
      timestamp: { type: 'string', format: 'date-time', description: 'When the change was made.' },
      companyId: { type: 'string', format: 'uuid' },
      sequence: { type: 'integer', minimum: 1, description: "The event's place in the company's stream." },
      data: { $ref: `#/components/schemas/${definition.payload.name}` },
    },
  };
}

function webhookOperation(definition: EventDefinition, schemaName: string): Schema {
  return {
    post: {
      operationId: `on${schemaName}`,
      summary: definition.summary,
      description: `Sent to subscriptions that take \`${definition.type}\`, when the subscription may read \`${definition.scope}\`.`,
      tags: ['Webhooks'],
      parameters: SIGNATURE_HEADERS.map(([header, description]) => ({
        name: header,
        in: 'header',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } },
      },
      responses: {
        '200': {
          description:
            'Received (any 2xx). Anything else, a redirect or no answer within the timeout is retried.',
        },
        '410': { description: 'Gone: the subscription is disabled at once and nothing more is sent.' },
      },
      security: [],
    },
  };
}

/** The feed's items: any event, told apart by `type`. */
function eventUnion(catalogue: EventDefinition[]): Schema {
  const reference = (definition: EventDefinition) =>
    `#/components/schemas/${eventSchemaName(definition.type)}`;
  return {
    oneOf: catalogue.map((definition) => ({ $ref: reference(definition) })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(catalogue.map((definition) => [definition.type, reference(definition)])),
    },
  };
}

/**
 * Declares every event of the catalogue: a schema per event type (the envelope with its `data`
 * schema, the resource's response DTO), the `webhooks` section (what a subscriber receives, with
 * the Standard Webhooks headers), and the event feed's items as a union of them, so the SDK
 * exports a type per event and narrows on `type`.
 */
export function documentWebhooks(document: OpenAPIObject): void {
  const schemas = (document.components!.schemas ??= {}) as Record<string, Schema>;
  const webhooks: Record<string, unknown> = {};
  const catalogue = eventCatalogue();
  for (const definition of catalogue) {
    if (!schemas[definition.payload.name])
      throw new Error(
        `event ${definition.type}: ${definition.payload.name} is not in the document's schemas`,
      );
    const name = eventSchemaName(definition.type);
    schemas[name] = envelope(definition);
    webhooks[definition.type] = webhookOperation(definition, name);
  }
  (document as unknown as { webhooks: Record<string, unknown> }).webhooks = webhooks;
  const feed = schemas.EventFeedResponseDto as { properties: { data: { items: Schema } } } | undefined;
  if (feed) feed.properties.data.items = eventUnion(catalogue);
}
