/** Checks on the rows of a map in the form, shown at once (the engine says the same after validating). */
import type { KeyValueRow } from './form-state';

const ID_PATTERN = '^[A-Za-z_][A-Za-z0-9_-]*$';

/** What is wrong with a row's key, before the engine says it. */
export function rowKeyProblem(rows: readonly KeyValueRow[], index: number, keyPattern: string | undefined): string | undefined {
  const row = rows[index];
  if (!row) return undefined;
  if (row.key === '') return row.value === '' ? undefined : 'Give this row a name.';
  if (rows.findIndex((r) => r.key === row.key) !== index) return `"${row.key}" is already listed above.`;
  if (keyPattern && !new RegExp(keyPattern).test(row.key)) {
    return keyPattern === ID_PATTERN ? 'Use letters, digits, _ and - (starting with a letter or _).' : `"${row.key}" is not allowed here (pattern ${keyPattern}).`;
  }
  return undefined;
}

