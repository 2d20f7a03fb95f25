import { isUUID, ValidateBy, type ValidationOptions } from 'class-validator';

/** A position in the newest-first listing: the last event of a page. */
export interface AuditCursor {
  occurredAt: Date;
  id: string;
}

// Opaque to clients; base64url of "<ISO time>|<id>". The time has millisecond precision in the
// table, so it survives the trip through a JavaScript Date exactly.
export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeAuditCursor(value: string): AuditCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return undefined;
  const [time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(time ?? '');
  if (rest.length > 0 || !id || !isUUID(id) || Number.isNaN(occurredAt.getTime())) return undefined;
  return { occurredAt, id };
}

/** class-validator rule `isAuditCursor`: a `nextCursor` this API returned. */
export function IsAuditCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAuditCursor',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeAuditCursor(value) !== undefined,
        defaultMessage: () => 'must be a nextCursor returned by this operation',
      },
    },
    options,
  );
}
