/**
 * SQLite declared types → DuckDB types. SQLite is dynamically typed: a column declared INTEGER
 * may hold text. So each column's values are observed first, and a column whose values do not
 * fit the type its declaration asks for falls back to VARCHAR rather than losing data.
 */

/** The types a staged table can hold (see BuildContext.stageTable). */
export type StagedType = 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BLOB' | 'BOOLEAN';
/** Dates and timestamps are staged as text and cast by DuckDB. */
export type ColumnType = StagedType | 'DATE' | 'TIMESTAMP' | 'TIMESTAMPTZ';

/** What a declaration asks for; `infer` for query expressions, which have no declared type. */
export function requestedType(declared: string | null): ColumnType | 'infer' {
  if (declared === null || declared.trim() === '') return 'infer';
  const t = declared.trim().toUpperCase();
  if (t === 'BOOL' || t === 'BOOLEAN') return 'BOOLEAN';
  if (t === 'DATE') return 'DATE';
  if (t === 'DATETIME' || t === 'TIMESTAMP') return 'TIMESTAMP';
  if (t === 'TIMESTAMPTZ' || t === 'TIMESTAMP WITH TIME ZONE') return 'TIMESTAMPTZ';
  // The order follows SQLite's own affinity rules (INT before CHAR before BLOB before REAL).
  if (t.includes('INT')) return 'BIGINT';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'VARCHAR';
  if (t.includes('BLOB')) return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(t)) return 'DOUBLE';
  if (/^(NUMERIC|DECIMAL)\b/.test(t)) return 'DOUBLE';
  return 'VARCHAR';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;
const TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const MAX_EXACT_DOUBLE = 2n ** 53n;

/** Which kinds of values a column holds (NULLs fit every type). */
export class ColumnObservation {
  integer = false;
  /** An integer a DOUBLE cannot hold exactly. */
  wideInteger = false;
  /** An integer other than 0 and 1. */
  nonBooleanInteger = false;
  real = false;
  text = false;
  blob = false;
  textNotDate = false;
  textNotTimestamp = false;
  textNotTimestamptz = false;

  observe(value: unknown): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'bigint') {
      this.integer = true;
      if (value !== 0n && value !== 1n) this.nonBooleanInteger = true;
      if (value > MAX_EXACT_DOUBLE || value < -MAX_EXACT_DOUBLE) this.wideInteger = true;
    } else if (typeof value === 'number') {
      this.real = true;
    } else if (typeof value === 'string') {
      this.text = true;
      if (!this.textNotDate && !DATE.test(value)) this.textNotDate = true;
      if (!this.textNotTimestamp && !TIMESTAMP.test(value)) this.textNotTimestamp = true;
      if (!this.textNotTimestamptz && !TIMESTAMPTZ.test(value)) this.textNotTimestamptz = true;
    } else {
      this.blob = true;
    }
  }

  private get numbersOnly(): boolean {
    return !this.text && !this.blob;
  }

  private get textOnly(): boolean {
    return !this.integer && !this.real && !this.blob;
  }

  /** Whether every value fits `type` without losing anything. */
  fits(type: ColumnType): boolean {
    switch (type) {
      case 'BIGINT':
        return this.numbersOnly && !this.real;
      case 'DOUBLE':
        return this.numbersOnly && !this.wideInteger;
      case 'BOOLEAN':
        return this.numbersOnly && !this.real && !this.nonBooleanInteger;
      case 'BLOB':
        return !this.integer && !this.real && !this.text;
      case 'DATE':
        return this.textOnly && !this.textNotDate;
      case 'TIMESTAMP':
        return this.textOnly && !this.textNotTimestamp;
      case 'TIMESTAMPTZ':
        return this.textOnly && !this.textNotTimestamptz;
      case 'VARCHAR':
        return true;
    }
  }

  /** For an expression column: the narrowest type its values fit. */
  inferred(): ColumnType {
    if (this.integer && !this.real && this.fits('BIGINT')) return 'BIGINT';
    if (this.real && this.fits('DOUBLE')) return 'DOUBLE';
    if (this.blob && this.fits('BLOB')) return 'BLOB';
    return 'VARCHAR';
  }
}

/** The DuckDB type a column gets: what its declaration asks for if every value fits, else VARCHAR. */
export function decideType(requested: ColumnType | 'infer', seen: ColumnObservation): ColumnType {
  if (requested === 'infer') return seen.inferred();
  return seen.fits(requested) ? requested : 'VARCHAR';
}

export function stagedType(type: ColumnType): StagedType {
  return type === 'DATE' || type === 'TIMESTAMP' || type === 'TIMESTAMPTZ' ? 'VARCHAR' : type;
}

/** A SQLite value as the staged column type expects it. */
export function stagedValue(value: unknown, type: StagedType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'BIGINT':
      return value;
    case 'DOUBLE':
      return Number(value);
    case 'BOOLEAN':
      return value !== 0n;
    case 'BLOB':
      return value;
    case 'VARCHAR':
      return asText(value);
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  // SQLite prints REAL 2.0 as "2.0"; keep that so text still shows it was a real.
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toFixed(1) : String(value);
  if (value instanceof Uint8Array) return blobText(value);
  return String(value);
}

/** Blobs in a text column: printable ASCII as is, other bytes as \xHH (the way DuckDB prints a BLOB). */
function blobText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return text;
}
