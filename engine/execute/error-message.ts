/** Turn whatever a node threw into one sentence for people (stack traces only on request). */
import { NodeError } from '../../nodes/node-definition.js';
import { QueryError } from '../duckdb/database.js';
import { SqlBuildError } from '../sql/quote.js';

export function errorMessage(error: unknown): string {
  if (error instanceof NodeError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof QueryError || error instanceof SqlBuildError) return error.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function isCancellation(error: unknown): boolean {
  return (error instanceof QueryError && error.interrupted) || (error instanceof Error && error.name === 'AbortError');
}
