/** bench/hand-query.sql with the dataset's file paths filled in, and the two ways the cases run it. */
import { readFileSync } from 'node:fs';
import { handQueryFile } from './paths.js';
import { sqlString } from './reference-duckdb.js';

export function handQuery(files: { events: string; stores: string }): string {
  const text = readFileSync(handQueryFile, 'utf8').trim().replace(/;\s*$/, '');
  return text.replaceAll('{{events}}', sqlString(files.events)).replaceAll('{{stores}}', sqlString(files.stores));
}

/** The first rows, as the preview shows them. The newline ends a trailing `--` comment, if any. */
export function handQueryLimit(query: string, limit: number): string {
  return `SELECT * FROM (\n${query}\n) LIMIT ${limit}`;
}

/** The whole result to a Parquet file, compressed as Millrace's write_parquet does by default (snappy). */
export function handQueryCopy(query: string, target: string): string {
  return `COPY (\n${query}\n) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION 'snappy')`;
}
