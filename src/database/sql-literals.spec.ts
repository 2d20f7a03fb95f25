import { inlineParameters, sqlLiteral } from './sql-literals.js';

describe('sqlLiteral', () => {
  it('quotes strings, doubling quotes and escaping backslashes', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
  });

  it('writes numbers and booleans as quoted literals and null as NULL', () => {
    expect(sqlLiteral(60)).toBe("'60'");
    expect(sqlLiteral(-1.5)).toBe("'-1.5'");
    expect(sqlLiteral(true)).toBe("'true'");
    expect(sqlLiteral(null)).toBe('NULL');
  });

  it('refuses numbers SQL cannot hold', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral(Infinity)).toThrow(TypeError);
  });

  it('writes arrays as quoted array literals, escaping quotes and backslashes in elements', () => {
    expect(sqlLiteral([])).toBe("'{}'");
    expect(sqlLiteral(['owner', 'a,b'])).toBe(`'{"owner","a,b"}'`);
    expect(sqlLiteral(['say "hi"', "it's"])).toBe(` E'{"say \\\\"hi\\\\"","it''s"}'`);
  });

  it('writes null elements as NULL and numbers as quoted elements', () => {
    expect(sqlLiteral([null, 'NULL', 2, -1.5])).toBe(`'{NULL,"NULL","2","-1.5"}'`);
    expect(() => sqlLiteral([Number.NaN])).toThrow(TypeError);
  });
});

describe('inlineParameters', () => {
  it('replaces each placeholder with its literal, also $10 after $1', () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    const statement = `SELECT ${values.map((_, i) => `$${i + 1}`).join(', ')}::text`;
    expect(inlineParameters(statement, values)).toBe(
      `SELECT ${values.map((value) => `'${value}'`).join(', ')}::text`,
    );
  });

  it('leaves placeholders inside strings, quoted identifiers and comments alone', () => {
    const sql = `SELECT '$1 isn''t a placeholder', "col$1", $1 -- $1 here neither\n FROM t`;
    expect(inlineParameters(sql, ['x'])).toBe(
      `SELECT '$1 isn''t a placeholder', "col$1", 'x' -- $1 here neither\n FROM t`,
    );
  });

  it('throws on a placeholder without a value and on a value without a placeholder', () => {
    expect(() => inlineParameters('SELECT $2', ['a'])).toThrow(RangeError);
    expect(() => inlineParameters('SELECT $1', ['a', 'b'])).toThrow(RangeError);
  });

  it('throws on an unterminated quote rather than guessing', () => {
    expect(() => inlineParameters("SELECT 'open", [])).toThrow(SyntaxError);
  });
});
