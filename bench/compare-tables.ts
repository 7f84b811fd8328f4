/**
 * Row-by-row comparison of two query results, for the equivalence test: the same columns, the
 * same rows (matched by a key column), equal values, with decimals equal to a relative tolerance
 * (sums and rolling means are added up in different orders by Millrace, DuckDB and pandas).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface TableDifference {
  /** Empty when the results match. */
  problems: string[];
  rows: number;
}

type Cell = number | string | null;

function normalise(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

async function readSorted(connection: DuckDBConnection, sql: string, key: string): Promise<{ columns: string[]; rows: Cell[][] }> {
  const reader = await connection.runAndReadAll(`SELECT * FROM (\n${sql}\n) ORDER BY "${key.replace(/"/g, '""')}"`);
  return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(normalise)) };
}

function sameCell(a: Cell, b: Cell, tolerance: number): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  return false;
}

export async function compareResults(
  connection: DuckDBConnection,
  expectedSql: string,
  actualSql: string,
  options: { key: string; tolerance?: number; columnOrder?: boolean; maxProblems?: number },
): Promise<TableDifference> {
  const tolerance = options.tolerance ?? 1e-9;
  const maxProblems = options.maxProblems ?? 10;
  const expected = await readSorted(connection, expectedSql, options.key);
  const actual = await readSorted(connection, actualSql, options.key);
  const problems: string[] = [];
  const sameNames = [...expected.columns].sort().join(',') === [...actual.columns].sort().join(',');
  if (!sameNames || (options.columnOrder !== false && expected.columns.join(',') !== actual.columns.join(','))) {
    problems.push(`columns differ:\n  expected ${expected.columns.join(', ')}\n  actual   ${actual.columns.join(', ')}`);
  }
  if (expected.rows.length !== actual.rows.length) problems.push(`expected ${expected.rows.length} rows, got ${actual.rows.length}`);
  if (problems.length > 0) return { problems, rows: actual.rows.length };
  const positions = expected.columns.map((name) => actual.columns.indexOf(name));
  for (let r = 0; r < expected.rows.length && problems.length < maxProblems; r++) {
    const want = expected.rows[r]!;
    const got = actual.rows[r]!;
    expected.columns.forEach((name, c) => {
      const a = want[c] ?? null;
      const b = got[positions[c]!] ?? null;
      if (problems.length < maxProblems && !sameCell(a, b, tolerance)) {
        problems.push(`row ${options.key}=${String(want[expected.columns.indexOf(options.key)])}, column ${name}: expected ${String(a)}, got ${String(b)}`);
      }
    });
  }
  return { problems, rows: actual.rows.length };
}
