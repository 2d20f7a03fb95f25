import pg from 'pg';

/** A value that can stand in a statement as a literal. */
export type SqlValue = string | number | boolean | null | readonly (string | number | null)[];

// Why literals at all: a statement that must follow the tenant settings in the same round trip
// goes out as one simple-protocol query ("settings; statement"), and that protocol takes no
// parameters. Every value is quoted, numbers and booleans too, so it stays an untyped literal
// that the statement's casts (`$1::int`) or context type, as a bound parameter would be.
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} into SQL`);
    return `'${value}'`;
  }
  if (typeof value === 'boolean') return value ? `'true'` : `'false'`;
  if (typeof value === 'string') return pg.escapeLiteral(value);
  // An array literal: every element double-quoted, with " and \ escaped inside the quotes; a
  // null element is the bare word NULL (a quoted "NULL" is the text).
  const elements = value.map((element) => {
    if (element === null) return 'NULL';
    if (typeof element === 'number' && !Number.isFinite(element))
      throw new TypeError(`cannot write ${element} into SQL`);
    return `"${String(element).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  });
  return pg.escapeLiteral(`{${elements.join(',')}}`);
}

/**
 * The statement with each `$n` replaced by the literal of `values[n - 1]`. Placeholders inside
 * quoted strings, quoted identifiers and `--` comments are left alone; a placeholder without a
 * value, or a value without a placeholder, is a programming error and throws.
 */
export function inlineParameters(statement: string, values: readonly SqlValue[]): string {
  const { chunks, placeholders } = split(statement);
  const used = new Set(placeholders);
  for (const index of used) {
    if (index < 1 || index > values.length) throw new RangeError(`no value for $${index}`);
  }
  if (used.size !== values.length) throw new RangeError('a value has no placeholder in the statement');
  let output = chunks[0];
  placeholders.forEach((index, i) => (output += sqlLiteral(values[index - 1]) + chunks[i + 1]));
  return output;
}

interface SplitStatement {
  /** The text around the placeholders: one more chunk than placeholders. */
  chunks: string[];
  placeholders: number[];
}

// Statements are constants in the code, sent on every request: each is split once.
const MAX_REMEMBERED = 1_000;
const splitStatements = new Map<string, SplitStatement>();

function split(statement: string): SplitStatement {
  let result = splitStatements.get(statement);
  if (!result) {
    result = splitAtPlaceholders(statement);
    if (splitStatements.size < MAX_REMEMBERED) splitStatements.set(statement, result);
  }
  return result;
}

function splitAtPlaceholders(statement: string): SplitStatement {
  const chunks: string[] = [];
  const placeholders: number[] = [];
  let chunkStart = 0;
  let i = 0;
  while (i < statement.length) {
    const skipped = skipQuotedOrComment(statement, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const placeholder = statement[i] === '$' ? /^\$(\d+)/.exec(statement.slice(i, i + 12)) : null;
    if (placeholder && !/[\w$]/.test(statement[i - 1] ?? '')) {
      chunks.push(statement.slice(chunkStart, i));
      placeholders.push(Number(placeholder[1]));
      i += placeholder[0].length;
      chunkStart = i;
      continue;
    }
    i += 1;
  }
  chunks.push(statement.slice(chunkStart));
  return { chunks, placeholders };
}
// The end of the quoted string, quoted identifier or line comment starting at `start`, or
// `start` itself when none starts there.
function skipQuotedOrComment(statement: string, start: number): number {
  const opening = statement[start];
  if (opening === '-' && statement[start + 1] === '-') {
    const end = statement.indexOf('\n', start);
    return end === -1 ? statement.length : end;
  }
  if (opening !== "'" && opening !== '"') return start;
  let i = start + 1;
  while (i < statement.length) {
    if (statement[i] === opening) {
      // A doubled quote is an escaped quote, not the end.
      if (statement[i + 1] === opening) i += 2;
      else return i + 1;
    } else i += 1;
  }
  throw new SyntaxError('unterminated quote in statement');
}
