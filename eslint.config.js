// Lint rules, including the layering rules of DESIGN.md section 1 as import restrictions:
// a rule in the linter outlives a paragraph in a document.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layerMessage =
  'engine/ and nodes/ are headless: they must never import renderer/ or electron/ (DESIGN.md §1). Put shared types in engine/contract/.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'renderer/**', 'electron/**', 'e2e/**', 'bench/data/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/**/*.ts', 'nodes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '**/electron/**', 'electron'], message: layerMessage },
          ],
        },
      ],
    },
  },
  {
    // Only the DuckDB wrapper talks to DuckDB; only the run store and the SQLite file wrapper use better-sqlite3.
    files: ['engine/**/*.ts', 'nodes/**/*.ts'],
    ignores: ['engine/duckdb/**', 'engine/run-store/**', 'engine/sqlite/**', '**/*.test.ts', '**/test-fixtures/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**', '**/electron/**', 'electron'], message: layerMessage }],
          paths: [
            { name: '@duckdb/node-api', message: 'Reach DuckDB through engine/duckdb/database.ts.' },
            { name: 'better-sqlite3', message: 'Use engine/run-store (run history) or engine/sqlite (SQLite files).' },
          ],
        },
      ],
    },
  },
);
