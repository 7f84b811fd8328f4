import { describe, expect, it } from 'vitest';
import { QueryError } from '../duckdb/database.js';
import { errorMessage } from './error-message.js';

describe('errorMessage', () => {
  it('says an unknown column in plain words and keeps DuckDB\'s candidates', () => {
    const raw = 'Binder Error: Referenced column "body_mas" not found in FROM clause!\nCandidate bindings: "Body Mass (g)", "species"';
    expect(errorMessage(new QueryError(raw, 'SELECT 1', false))).toBe(
      'Column "body_mas" does not exist in this node\'s input. Did you mean "Body Mass (g)" or "species"? Names with spaces or capitals need double quotes in SQL, e.g. "Body Mass (g)".',
    );
  });

  it('says a missing file in plain words', () => {
    const raw = 'IO Error: No files found that match the pattern "/data/missing.csv"';
    expect(errorMessage(new QueryError(raw, 'SELECT 1', false))).toMatch(/^File not found: "\/data\/missing.csv"/);
  });

  it('leaves other DuckDB messages as they are', () => {
    expect(errorMessage(new QueryError('Conversion Error: Could not convert string', 'SELECT 1', false))).toBe('Conversion Error: Could not convert string');
  });
});
