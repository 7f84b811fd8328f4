/** Turn whatever a node threw into one sentence for people (stack traces only on request). */
import { NodeError } from '../../nodes/node-definition.js';
import { QueryError } from '../duckdb/database.js';
import { SqlBuildError } from '../sql/quote.js';

export function errorMessage(error: unknown): string {
  if (error instanceof NodeError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof QueryError) return missingFile(error.message) ?? missingColumn(error.message) ?? error.message;
  if (error instanceof SqlBuildError) return error.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function isCancellation(error: unknown): boolean {
  return (error instanceof QueryError && error.interrupted) || (error instanceof Error && error.name === 'AbortError');
}

const NO_FILES = /^IO Error: No files found that match the pattern "(.*)"\s*$/s;

/** DuckDB calls a plain path that does not exist a pattern that matched nothing; say it in plain words. */
function missingFile(message: string): string | undefined {
  const file = NO_FILES.exec(message)?.[1];
  if (file === undefined) return undefined;
  if (/[*?[{]/.test(file)) return `No files match "${file}". Check the pattern; relative paths start from the pipeline file's folder.`;
  return `File not found: "${file}". Check the path; relative paths start from the pipeline file's folder.`;
}

const MISSING_COLUMN = /^Binder Error: Referenced column "((?:[^"]|"")*)" not found in FROM clause!\s*(?:Candidate bindings: (.*?))?\s*$/s;

/** DuckDB's binder text for an unknown column, in plain words, keeping its "did you mean" candidates. */
function missingColumn(message: string): string | undefined {
  const match = MISSING_COLUMN.exec(message);
  if (!match) return undefined;
  const candidates = match[2]?.split('\n')[0]?.trim();
  const suggestion = candidates ? ` Did you mean ${candidates.replace(/, /g, ' or ')}?` : '';
  return `Column "${match[1]}" does not exist in this node's input.${suggestion} Names with spaces or capitals need double quotes in SQL, e.g. "Body Mass (g)".`;
}
