import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The value of a `?cursor=` parameter after decoding: the sort key of a page's last row. */
export type CursorKey = (string | number)[];

const SHAPE = /^[A-Za-z0-9_-]{1,1000}$/;

// Opaque to clients: base64url of the JSON array of the last row's sort key. Only its shape is
// trusted; each list checks the types of its own key.
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(value: string): CursorKey | undefined {
  if (!SHAPE.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const isKey =
      Array.isArray(parsed) && parsed.every((part) => typeof part === 'string' || typeof part === 'number');
    return isKey ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** class-validator rule `isCursor`: a `nextCursor` this API returned. */
export function IsCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCursor',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeCursor(value) !== undefined,
        defaultMessage: () => 'must be a nextCursor returned by this operation',
      },
    },
    options,
  );
}
