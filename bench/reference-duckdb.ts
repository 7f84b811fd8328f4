/**
 * Raw DuckDB, the reference side of the SQL cases: @duckdb/node-api used directly, as a person
 * would, with Millrace's own threads and memory limit.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBSettings } from './duckdb-settings.js';

export interface ReferenceDuckDB {
  connection: DuckDBConnection;
  close(): void;
}

export async function openReference(settings: DuckDBSettings, tempDirectory: string): Promise<ReferenceDuckDB> {
  mkdirSync(tempDirectory, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(settings.threads),
    memory_limit: settings.memoryLimit,
    temp_directory: tempDirectory,
  });
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * A fresh raw DuckDB (its temp files under `workDir/duckdb-tmp`) for `use`, closed after it: each
 * repetition of the reference starts as cold as Millrace's (see withColdEngine).
 */
export async function withColdReference<T>(settings: DuckDBSettings, workDir: string, use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const duckdb = await openReference(settings, path.join(workDir, 'duckdb-tmp'));
  try {
    return await use(duckdb.connection);
  } finally {
    duckdb.close();
  }
}

/** Runs a query and reads all of its rows as JSON values (as a client showing them would), returning the row count. */
export async function readAll(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson().length;
}

/** Single-quoted SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
