import { existsSync } from 'node:fs';
import { z } from 'zod';
import { SqliteReader, type SqliteColumn, type SqliteSource } from '../../../engine/sqlite/sqlite-file.js';
import { ident, typeName } from '../../../engine/sql/quote.js';
import { NodeError, defineTableNode } from '../../node-definition.js';
import { filePath } from '../../params.js';
import { ColumnObservation, decideType, requestedType, stagedType, stagedValue, type StagedType } from './sqlite-types.js';

const CANCEL_CHECK_ROWS = 10_000;

export const readSqlite = defineTableNode({
  kind: 'table',
  type: 'read_sqlite',
  costly: true,
  version: 1,
  category: 'source',
  label: 'Read SQLite',
  description: 'Read a table, or the result of a SQLite query, from a SQLite database file.',
  aliases: ['sqlite', 'database', 'db', 'sql table', 'import', 'load'],
  inputs: [],
  outputs: [{ name: 'out', type: 'table' }],
  params: z
    .strictObject({
      path: filePath('SQLite database file, relative to the pipeline file.'),
      table: z.string().min(1, 'a table name is required').optional().meta({ description: 'Table (or view) to read. Give `table` or `query`, not both.' }),
      query: z
        .string()
        .trim()
        .min(1, 'a query is required')
        .optional()
        .meta({ description: 'A SELECT in SQLite\'s SQL dialect, run inside the SQLite file. Give `table` or `query`, not both.', ui: 'sql-query' }),
    })
    .refine((p) => (p.table === undefined) !== (p.query === undefined), { message: 'give either `table` or `query` (exactly one)' }),
  example: { path: 'data/shop.sqlite', table: 'orders' },
  sourceFiles: (params, resolvePath) => {
    const file = resolvePath(params.path);
    // In WAL mode recent writes live in the -wal file until a checkpoint: its identity matters too.
    return existsSync(`${file}-wal`) ? [file, `${file}-wal`] : [file];
  },
  async build(ctx) {
    const { path, table, query } = ctx.params;
    const source: SqliteSource = table !== undefined ? { table } : { query: query ?? '' };
    throwIfCancelled(ctx.signal);
    const reader = SqliteReader.open(ctx.resolvePath(path));
    try {
      const columns = reader.columns(source);
      checkDistinctNames(columns);
      // First pass: which kinds of values each column really holds (SQLite does not enforce declared types).
      const seen = columns.map(() => new ColumnObservation());
      let count = 0;
      for (const row of reader.rows(source)) {
        for (let i = 0; i < row.length; i++) seen[i]?.observe(row[i]);
        if (++count % CANCEL_CHECK_ROWS === 0) throwIfCancelled(ctx.signal);
      }
      const types = columns.map((c, i) => decideType(requestedType(c.declaredType), seen[i] ?? new ColumnObservation()));
      const staged = types.map(stagedType);
      const relation = await ctx.stageTable(
        columns.map((c, i) => ({ name: c.name, type: staged[i] ?? 'VARCHAR' })),
        convertedRows(reader, source, staged, ctx.signal),
      );
      const select = columns.map((c, i) =>
        types[i] === staged[i] ? ident(c.name) : `CAST(${ident(c.name)} AS ${typeName(types[i] ?? 'VARCHAR')}) AS ${ident(c.name)}`,
      );
      return { out: `SELECT ${select.join(', ')} FROM ${relation}` };
    } finally {
      reader.close();
    }
  },
});

/** Second pass, lazily: rows converted for the staged table, streamed straight into DuckDB. */
function* convertedRows(reader: SqliteReader, source: SqliteSource, types: StagedType[], signal: AbortSignal): Generator<unknown[]> {
  let count = 0;
  for (const row of reader.rows(source)) {
    yield row.map((value, i) => stagedValue(value, types[i] ?? 'VARCHAR'));
    if (++count % CANCEL_CHECK_ROWS === 0) throwIfCancelled(signal);
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new NodeError('Cancelled while reading the SQLite file.');
}

// DuckDB column names are case-insensitive, so `a` and `A` would collide in the staged table.
function checkDistinctNames(columns: SqliteColumn[]): void {
  const seen = new Set<string>();
  for (const { name } of columns) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw new NodeError(`The SQLite result has two columns named "${name}". Give each a distinct name with AS in the query.`);
    seen.add(key);
  }
}
