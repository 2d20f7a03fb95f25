type Fields = Record<string, unknown>;
const fieldsOf = (body: unknown): Fields =>
  typeof body === 'object' && body !== null ? (body as Fields) : {};

/** A text field sent once; undefined when absent, empty or repeated. */
export function formText(body: unknown, name: string): string | undefined {
  const value = fieldsOf(body)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A field that may be sent several times (checkboxes of one name); anything not text is dropped. */
export function formList(body: unknown, name: string): string[] {
  const value = fieldsOf(body)[name];
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.filter((item): item is string => typeof item === 'string' && item !== '');
}
