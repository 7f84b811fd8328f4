/**
 * DuckDB column → SQLite column: the declared type to create it with, and the SELECT expression
 * that turns DuckDB values into ones SQLite stores without loss. Integers that may not fit SQLite's
 * 64-bit INTEGER, dates, timestamps and nested values travel as text.
 */
import { ident } from '../../../engine/sql/quote.js';
import type { ColumnInfo } from '../../node-definition.js';

export interface SqliteColumnPlan {
  name: string;
  /** Declared type in the CREATE TABLE. */
  sqliteType: string;
  /** Expression in the SELECT that feeds the insert. */
  select: string;
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/;
const REAL = /^(FLOAT|DOUBLE)$/;
const TIMESTAMP = /^TIMESTAMP(_S|_MS|_NS)?$/;

export function planColumn(column: ColumnInfo): SqliteColumnPlan {
  const name = column.name;
  const value = ident(name);
  const asText = `CAST(${value} AS VARCHAR)`;
  const type = column.type.toUpperCase();
  if (type === 'BOOLEAN') return { name, sqliteType: 'BOOLEAN', select: `CAST(${value} AS TINYINT)` };
  if (INTEGER.test(type)) return { name, sqliteType: 'INTEGER', select: value };
  if (REAL.test(type)) return { name, sqliteType: 'REAL', select: value };
  if (type.startsWith('DECIMAL')) return { name, sqliteType: 'NUMERIC', select: `CAST(${value} AS DOUBLE)` };
  if (type === 'VARCHAR') return { name, sqliteType: 'TEXT', select: value };
  if (type === 'BLOB') return { name, sqliteType: 'BLOB', select: value };
  // Dates and timestamps as ISO text ('2024-01-02 03:04:05.123456'), which SQLite's date functions read.
  if (type === 'DATE') return { name, sqliteType: 'DATE', select: asText };
  if (TIMESTAMP.test(type)) return { name, sqliteType: 'TIMESTAMP', select: asText };
  if (type === 'TIMESTAMP WITH TIME ZONE') return { name, sqliteType: 'TIMESTAMPTZ', select: asText };
  // UBIGINT/HUGEINT may exceed SQLite's 64-bit integers; lists, structs, UUIDs, intervals... have no SQLite type.
  return { name, sqliteType: 'TEXT', select: asText };
}
