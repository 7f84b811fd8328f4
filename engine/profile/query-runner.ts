/**
 * How the profile modules reach DuckDB: one function that runs a query and honours an
 * AbortSignal, both between queries and during one (by interrupting the connection).
 */
import type { JsonRow } from '../../nodes/node-definition.js';
import { QueryError, type Connection } from '../duckdb/database.js';

export type RunQuery = (sql: string) => Promise<JsonRow[]>;

export function abortError(): Error {
  const error = new Error('The profile was cancelled.');
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** A cancelled profile (AbortError) or an interrupted query: never a reason to retry or to degrade. */
export function isCancellation(error: unknown): boolean {
  return (error instanceof Error && error.name === 'AbortError') || (error instanceof QueryError && error.interrupted);
}

export function queryRunner(connection: Connection, signal?: AbortSignal): RunQuery {
  return async (sql) => {
    throwIfAborted(signal);
    // A profile nobody waits for any more should stop using the CPU at once, not at the next query.
    const onAbort = (): void => connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const { rows } = await connection.query(sql);
      throwIfAborted(signal);
      return rows;
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
