/**
 * Compare type names the way a person means them: INT is INTEGER, STRING is VARCHAR,
 * FLOAT8 is DOUBLE, and a bare DECIMAL accepts any precision.
 */

const ALIASES: Record<string, string> = {
  INT: 'INTEGER', INT4: 'INTEGER', INT32: 'INTEGER', SIGNED: 'INTEGER',
  INT8: 'BIGINT', INT64: 'BIGINT', LONG: 'BIGINT',
  INT2: 'SMALLINT', INT16: 'SMALLINT', SHORT: 'SMALLINT',
  INT1: 'TINYINT',
  INT128: 'HUGEINT',
  UINT8: 'UTINYINT', UINT16: 'USMALLINT', UINT32: 'UINTEGER', UINT64: 'UBIGINT', UINT128: 'UHUGEINT',
  FLOAT4: 'FLOAT', REAL: 'FLOAT',
  FLOAT8: 'DOUBLE', 'DOUBLE PRECISION': 'DOUBLE',
  STRING: 'VARCHAR', TEXT: 'VARCHAR', CHAR: 'VARCHAR', BPCHAR: 'VARCHAR', NVARCHAR: 'VARCHAR', 'CHARACTER VARYING': 'VARCHAR',
  BOOL: 'BOOLEAN', LOGICAL: 'BOOLEAN',
  BYTEA: 'BLOB', BINARY: 'BLOB', VARBINARY: 'BLOB',
  DATETIME: 'TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE': 'TIMESTAMP',
  TIMESTAMPTZ: 'TIMESTAMP WITH TIME ZONE',
  TIMETZ: 'TIME WITH TIME ZONE', 'TIME WITHOUT TIME ZONE': 'TIME',
  NUMERIC: 'DECIMAL', DEC: 'DECIMAL',
};

/** The canonical spelling of a type name: upper case, aliases resolved, `VARCHAR(20)` → `VARCHAR`. */
export function canonicalType(type: string): string {
  const compact = type.trim().toUpperCase().replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1');
  const [, base = compact, size, lists = ''] = /^(.*?)(\(\d+(?:,\d+)?\))?((?:\[\d*\])*)$/.exec(compact) ?? [];
  const name = ALIASES[base] ?? base;
  if (name === 'VARCHAR') return `VARCHAR${lists}`;
  if (name === 'DECIMAL' && size) return `DECIMAL${size.includes(',') ? size : size.replace(')', ',0)')}${lists}`;
  return `${name}${size ?? ''}${lists}`;
}

/** Whether a column of type `actual` satisfies the `expected` type. */
export function typeMatches(expected: string, actual: string): boolean {
  const want = canonicalType(expected);
  const have = canonicalType(actual);
  if (want === have) return true;
  // DECIMAL without (precision, scale) means "any decimal".
  const bare = /^DECIMAL((?:\[\d*\])*)$/.exec(want);
  return bare !== null && new RegExp(`^DECIMAL\\(\\d+,\\d+\\)${escape(bare[1] ?? '')}$`).test(have);
}

function escape(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}
