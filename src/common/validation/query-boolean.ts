import { Transform } from 'class-transformer';

/** A query-string boolean: "true" and "false" become booleans; anything else stays for the validator to refuse. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );
}
