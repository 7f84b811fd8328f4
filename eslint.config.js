// Lint rules, including the layering rules of DESIGN.md section 1 as import restrictions:
// a rule in the linter outlives a paragraph in a document.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const rendererMessage =
  'renderer/ reaches the engine only through renderer/src/api/client.ts (DESIGN.md §1): from engine/ and nodes/ it may import only ' +
  'engine/contract/*, engine/pipeline/document and nodes/catalogue-json (types and pure rules shared by both sides). ' +
  'Anything else would bundle engine internals (DuckDB, Node APIs) into the browser.';

const layerMessage =
  'engine/ and nodes/ are headless: they must never import renderer/ or electron/ (DESIGN.md §1). Put shared types in engine/contract/.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'out/**', 'e2e/**', 'bench/data/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts (the bin launcher, the test runner, worker fixtures).
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
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
  {
    // The renderer is a browser app: engine code only through the client and the shared contract.
    // Tests run in Node, not in the bundle, so they may check renderer logic against the real catalogue.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts', 'renderer/vitest.config.ts', 'renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Any engine/ path except engine/contract/<file> and engine/pipeline/document (with or without .js).
            { regex: String.raw`(^|/)engine/(?!contract/[^/]+$|pipeline/document(\.js)?$)`, message: rendererMessage },
            { regex: String.raw`(^|/)nodes/(?!catalogue-json(\.js)?$)`, message: rendererMessage },
            { regex: String.raw`(^|/)electron(/|$)|^node:`, message: rendererMessage },
          ],
        },
      ],
    },
  },
);
